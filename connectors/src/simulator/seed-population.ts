import { completeTckn, completeVkn, type Company, type Person, type RegistryPopulation, type Tradesman } from '@tareks/schemas';

const FIRST = ['Ayşe', 'Mehmet', 'Fatma', 'Mustafa', 'Emine', 'Ahmet', 'Hatice', 'Ali', 'Zeynep', 'Hüseyin', 'İsmail', 'Işıl', 'Çağrı', 'Gülşen', 'Ömer', 'Şule'];
const LAST = ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'İnce'];
const CITIES = [['İstanbul', 'Kadıköy'], ['Ankara', 'Çankaya'], ['İzmir', 'Konak'], ['Bursa', 'Nilüfer'], ['Mersin', 'Akdeniz'], ['Gaziantep', 'Şahinbey']] as const;
const SECTORS = [['Oyuncak', '46.49'], ['Elektrik', '46.43'], ['Tekstil', '46.41'], ['Gıda', '46.39'], ['Makine', '46.69']] as const;
const TRADES = [['Terzi', 'İstanbul Terziler Odası'], ['Elektrikçi', 'Ankara Elektrikçiler Odası'], ['Manav', 'İzmir Sebze ve Meyveciler Odası']] as const;
const COMPANY_STATUS_CYCLE = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'IN_LIQUIDATION', 'CLOSED', 'SUSPENDED'] as const;

/** mulberry32: a small seeded generator, so a seed always gives the same population. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedOptions {
  readonly seed?: number;
  /** Companies to create (each with one or two representatives). Default 40. */
  readonly companies?: number;
  /** Tradesmen to create. Default 20. */
  readonly tradesmen?: number;
}

/**
 * A small registry world with valid TCKN/VKN check digits: mostly active firms, some in liquidation, closed or
 * suspended, some representatives whose authority expired, a few closed tradesmen. For simulators, tests and benches;
 * the synthetic trade world produces a larger one of the same shape.
 */
export function seedPopulation(opts: SeedOptions = {}): RegistryPopulation {
  const rnd = prng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const digits = (n: number, firstNonZero: boolean): string =>
    Array.from({ length: n }, (_, i) => String(i === 0 && firstNonZero ? 1 + Math.floor(rnd() * 9) : Math.floor(rnd() * 10))).join('');
  const date = (from: number, to: number): string => {
    const y = from + Math.floor(rnd() * (to - from + 1));
    return `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  };
  const persons: Person[] = [];
  const newPerson = (): Person => {
    const p = { tckn: completeTckn(digits(9, true)), firstName: pick(FIRST), lastName: pick(LAST), birthYear: 1950 + Math.floor(rnd() * 55), alive: true };
    persons.push(p);
    return p;
  };

  const companies: Company[] = Array.from({ length: opts.companies ?? 40 }, (_, i) => {
    const vkn = completeVkn(digits(9, true));
    const [sector, nace] = pick(SECTORS);
    const [city, district] = pick(CITIES);
    const reps = Array.from({ length: 1 + Math.floor(rnd() * 2) }, (_r, k) => ({
      tckn: newPerson().tckn,
      authority: k === 0 ? ('SOLE' as const) : ('JOINT' as const),
      validUntil: i % 7 === 3 && k === 0 ? date(2015, 2022) : date(2028, 2035),
    }));
    return {
      vkn,
      mersisNo: `0${vkn}00001`,
      title: `${pick(LAST)} ${sector} Sanayi ve Ticaret A.Ş.`,
      status: COMPANY_STATUS_CYCLE[i % COMPANY_STATUS_CYCLE.length]!,
      establishedOn: date(1975, 2023),
      naceCodes: [nace],
      address: { city, district, line: `${1 + Math.floor(rnd() * 200)}. Sokak No: ${1 + Math.floor(rnd() * 90)}` },
      representatives: reps,
    };
  });

  const tradesmen: Tradesman[] = Array.from({ length: opts.tradesmen ?? 20 }, (_, i) => {
    const p = newPerson();
    const [trade, chamber] = pick(TRADES);
    return {
      tckn: p.tckn,
      esbisNo: `ES${digits(8, true)}`,
      trade,
      chamber,
      status: i % 6 === 5 ? ('CLOSED' as const) : ('ACTIVE' as const),
      registeredOn: date(1990, 2024),
    };
  });
  return { persons, companies, tradesmen };
}
