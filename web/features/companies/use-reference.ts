import { useEffect, useState } from 'react';
import type { Industry, Municipality } from '../../../common/reference';
import { compareDa } from '../../../common/text';
import { apiList } from '../../lib/api';

/** Municipalities (Danish order) and DB07 sections for the filters; failures just leave a filter empty. */
export function useSearchReference() {
  const [municipalities, setMunicipalities] = useState<Municipality[]>([]);
  const [sections, setSections] = useState<Industry[]>([]);
  useEffect(() => {
    let current = true;
    apiList<Municipality>('/reference/municipalities')
      .then((list) => { if (current) setMunicipalities([...list].sort((a, b) => compareDa(a.name, b.name))); })
      .catch(() => undefined);
    apiList<Industry>('/reference/industries?classification=DB07&level=0')
      .then((list) => { if (current) setSections(list); })
      .catch(() => undefined);
    return () => { current = false; };
  }, []);
  return { municipalities, sections };
}
