import type { LocalizedText } from '@tareks/schemas';

export const LANE_REASON_TEXT = {
  HARD_RULE: { tr: 'Sicil kontrolünde kesin kural tetiklendi; fiziki muayeneye yönlendirildi', en: 'A registry hard rule fired; sent to physical inspection' },
  WATCH_LIST: { tr: 'İzleme listesinde; fiziki muayeneye yönlendirildi', en: 'On the watch list; sent to physical inspection' },
  RANDOM_CONTROL: { tr: 'Kalite kontrolü için rastgele seçildi', en: 'Selected at random for quality control' },
  TRUSTED_TRADER: { tr: 'Uzun süredir uygunsuzluk bulunmayan firma: bir alt kanala alındı', en: 'Trader with a long clean record: one lane lower' },
} as const satisfies Record<string, LocalizedText>;
