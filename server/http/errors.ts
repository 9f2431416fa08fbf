import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import type { ProblemFieldError } from '../../common/problem';

/**
 * An error that becomes an RFC 9457 problem+json response.
 * `code` is stable and translated by the web app; `detail` is a human message in Danish.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: { errors?: ProblemFieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail);
  }
}

const titles: Record<number, string> = {
  400: 'Ugyldig forespørgsel',
  401: 'Ikke logget ind',
  403: 'Ingen adgang',
  404: 'Ikke fundet',
  405: 'Metoden er ikke tilladt',
  409: 'Konflikt',
  413: 'For stor forespørgsel',
  415: 'Ukendt indholdstype',
  422: 'Kunne ikke behandles',
  423: 'Kontoen er låst',
  429: 'For mange forsøg',
  500: 'Intern fejl',
};

export const badRequest = (code: string, detail: string, errors?: ProblemFieldError[]) =>
  new ProblemError(400, code, detail, errors ? { errors } : {});
export const unauthorized = (detail = 'Du skal logge ind.') => new ProblemError(401, 'unauthorized', detail);
export const forbidden = (detail = 'Du har ikke adgang til dette.') => new ProblemError(403, 'forbidden', detail);
export const notFound = (detail = 'Det findes ikke.') => new ProblemError(404, 'not_found', detail);
export const conflict = (code: string, detail: string) => new ProblemError(409, code, detail);

function send(reply: FastifyReply, request: FastifyRequest, status: number, code: string, detail: string,
  extra: Record<string, unknown> = {}) {
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `https://samspil.dk/problems/${code}`,
      title: titles[status] ?? 'Fejl',
      status,
      code,
      detail,
      instance: request.url,
      ...extra,
    });
}

function zodIssues(error: ZodError): ProblemFieldError[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Installs the one error handler: every 4xx/5xx of the API is problem+json. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) {
      return send(reply, request, error.status, error.code, error.detail, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        path: [v.instancePath.replace(/^\//, '').replace(/\//g, '.'), ...(v.params?.issue ? [] : [])].join(''),
        message: v.message ?? 'ugyldig værdi',
      }));
      return send(reply, request, 400, 'validation', 'Nogle felter er ikke udfyldt korrekt.', { errors });
    }
    if (error instanceof ZodError) {
      return send(reply, request, 400, 'validation', 'Nogle felter er ikke udfyldt korrekt.', { errors: zodIssues(error) });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, request, 400, 'malformed_json', 'Forespørgslen indeholder ikke gyldig JSON.');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, request, 413, 'body_too_large', 'Forespørgslen er for stor.');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, request, 415, 'unsupported_media_type', 'Indholdstypen understøttes ikke.');
      default:
        break;
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, error.statusCode, 'bad_request', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, 'internal', 'Der skete en uventet fejl. Prøv igen, eller kontakt support.');
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, 'not_found', `Adressen ${request.method} ${request.url.split('?')[0]} findes ikke.`));
}
