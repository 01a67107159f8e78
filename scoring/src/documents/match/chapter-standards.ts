import { gtipChapter } from '@tareks/schemas';

/**
 * Standard families a conformity document should name for a GTİP chapter (harmonised standards of the
 * directives TAREKS checks: toys, low voltage / EMC, machinery, PPE, footwear and textiles labelling).
 */
const BY_CHAPTER: Readonly<Record<string, { readonly families: readonly string[]; readonly ceRequired: boolean }>> = {
  '95': { families: ['EN 71', 'EN 62115', 'EN IEC 62115'], ceRequired: true },
  '85': { families: ['EN 60335', 'EN 55014', 'EN 61000', 'EN 60598', 'EN 62560', 'EN 62493', 'EN 62368', 'EN 60669', 'IEC 60884', 'EN 50525', 'EN 61558', 'EN IEC 55014', 'EN IEC 61000'], ceRequired: true },
  '84': { families: ['EN ISO 12100', 'EN 60204', 'EN 60335', 'EN 62841', 'EN 55014'], ceRequired: true },
  '61': { families: ['EN 14682', 'EN ISO 3758', 'EN 388', 'EN ISO 21420'], ceRequired: false },
  '62': { families: ['EN 14682', 'EN ISO 3758'], ceRequired: false },
  '64': { families: ['EN ISO 20347', 'EN ISO 20345', 'EN ISO 20344'], ceRequired: false },
  '87': { families: ['EN ISO 8098', 'EN 14764', 'EN 1888'], ceRequired: true },
  '94': { families: ['EN 716', 'EN 1130', 'EN 12221', 'EN 60598'], ceRequired: false },
};

export interface ChapterRequirement {
  readonly families: readonly string[];
  /** A conformity document is expected for every import of the chapter. */
  readonly required: boolean;
}

export function chapterRequirement(gtip: string): ChapterRequirement {
  const c = BY_CHAPTER[gtipChapter(gtip)];
  return { families: c?.families ?? [], required: c?.ceRequired ?? false };
}
