import type { Progress } from './report';

/** A one-line terminal progress bar on stderr; silent when stderr is not a terminal. */
export function terminalProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress & { done(): void } {
  let last = 0;
  const draw = (done: number, total: number | null) => {
    const now = Date.now();
    if (now - last < 100 && (total === null || done < total)) return;
    last = now;
    if (!stream.isTTY) return;
    const width = 30;
    const text = total
      ? `${'█'.repeat(Math.round((done / total) * width)).padEnd(width, '░')} ${Math.floor((done / total) * 100)}%`
      : `${done.toLocaleString('da-DK')}`;
    stream.write(`\r${label} ${text}   `);
  };
  return Object.assign(draw, {
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  });
}
