import type { Domain, Unit } from '@tareks/schemas';

/** A product family the synthetic world trades; risk and price norms are the world's hidden truth. */
export interface Product {
  readonly gtip: string;
  readonly description: string;
  readonly category: ProductCategory;
  readonly domain: Domain;
  readonly unit: Unit;
  /** Typical net mass of one unit in kg (for KG units: 1). */
  readonly kgPerUnit: number;
  /** Median customs value in USD per kg. */
  readonly usdPerKg: number;
  /** Standards a conforming import declares (product safety only). */
  readonly standards: readonly string[];
  /** Whether the CE marking is required (toys, low-voltage equipment, machinery). */
  readonly ceRequired: boolean;
  /** Hidden log-odds of non-compliance of the product family. */
  readonly risk: number;
  /** Where it comes from, most frequent first. */
  readonly origins: readonly string[];
}

export const PRODUCT_CATEGORIES = ['TOYS', 'ELECTRICAL', 'TEXTILES', 'FOOTWEAR', 'MACHINERY', 'FRESH_PRODUCE', 'DRIED_NUTS', 'SPICES', 'CEREALS'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

const TOY_STANDARDS = ['EN 71-1:2014+A1:2018', 'EN 71-2:2020', 'EN 71-3:2019+A1:2021', 'EN 62115:2020'];
const LVD_STANDARDS = ['EN 60335-1:2012+A15:2021', 'EN 55014-1:2017', 'EN 61000-3-2:2019'];
const SOCKET_STANDARDS = ['IEC 60884-1:2022', 'TS 40-1'];
const LED_STANDARDS = ['EN 60598-1:2021', 'EN 62560:2012+A1:2015', 'EN 62493:2015'];
const MACHINE_STANDARDS = ['EN ISO 12100:2010', 'EN 60204-1:2018', 'EN 60335-2-7:2020'];
const TOOL_STANDARDS = ['EN 62841-1:2015', 'EN 62841-2-1:2018'];

const toy = (gtip: string, description: string, usdPerKg: number, risk: number): Product => ({
  gtip, description, category: 'TOYS', domain: 'PRODUCT_SAFETY', unit: 'ADET', kgPerUnit: 0.4, usdPerKg, standards: TOY_STANDARDS,
  ceRequired: true, risk, origins: ['CN', 'CN', 'CN', 'VN', 'IN', 'TH', 'DE', 'PL'],
});
const electrical = (gtip: string, description: string, kgPerUnit: number, usdPerKg: number, risk: number, standards = LVD_STANDARDS): Product => ({
  gtip, description, category: 'ELECTRICAL', domain: 'PRODUCT_SAFETY', unit: 'ADET', kgPerUnit, usdPerKg, standards, ceRequired: true, risk,
  origins: ['CN', 'CN', 'CN', 'DE', 'IT', 'KR', 'PL', 'CZ', 'VN', 'MY'],
});
const textile = (gtip: string, description: string, usdPerKg: number, risk: number): Product => ({
  gtip, description, category: 'TEXTILES', domain: 'PRODUCT_SAFETY', unit: 'ADET', kgPerUnit: 0.3, usdPerKg, standards: ['TS EN 14682:2014', 'TS EN ISO 3758:2012'],
  ceRequired: false, risk, origins: ['CN', 'BD', 'VN', 'IN', 'PK', 'EG', 'IT', 'KH'],
});
const footwear = (gtip: string, description: string, usdPerKg: number, risk: number): Product => ({
  gtip, description, category: 'FOOTWEAR', domain: 'PRODUCT_SAFETY', unit: 'CIFT', kgPerUnit: 0.8, usdPerKg, standards: ['TS EN ISO 20347:2012'],
  ceRequired: false, risk, origins: ['CN', 'VN', 'ID', 'IT', 'IN'],
});
const machine = (gtip: string, description: string, kgPerUnit: number, usdPerKg: number, risk: number, standards = MACHINE_STANDARDS): Product => ({
  gtip, description, category: 'MACHINERY', domain: 'PRODUCT_SAFETY', unit: 'ADET', kgPerUnit, usdPerKg, standards, ceRequired: true, risk,
  origins: ['CN', 'DE', 'IT', 'KR', 'JP', 'PL', 'CZ', 'TH'],
});
const agri = (category: ProductCategory, gtip: string, description: string, usdPerKg: number, risk: number, origins: readonly string[]): Product => ({
  gtip, description, category, domain: 'AGRI_QUALITY', unit: 'KG', kgPerUnit: 1, usdPerKg, standards: [], ceRequired: false, risk, origins,
});

/** GTİP codes (12 digits) with Turkish descriptions as a customs declaration would carry them. */
export const PRODUCTS: readonly Product[] = [
  toy('950300100000', 'Üç tekerlekli bisiklet, scooter, pedallı araba (oyuncak)', 9, 0.2),
  toy('950300300000', 'Oyuncak bebek ve aksesuarları', 14, 0.3),
  toy('950300490000', 'Doldurulmuş peluş oyuncak hayvan', 11, 0.5),
  toy('950300700000', 'Oyuncak takımları, yapı setleri', 16, 0.0),
  toy('950300750000', 'Plastik oyuncaklar (motorlu)', 18, 0.4),
  toy('950300950000', 'Elektrikli oyuncak (pilli, ışıklı)', 20, 0.7),
  electrical('851610800000', 'Ani su ısıtıcısı (şofben), elektrikli', 4.5, 22, 0.3),
  electrical('851631000000', 'Saç kurutma makinesi', 0.8, 25, 0.5),
  electrical('851640000000', 'Elektrikli ütü', 1.2, 18, 0.2),
  electrical('851660800000', 'Elektrikli fırın, ocak', 9, 12, 0.0),
  electrical('851671000000', 'Kahve ve çay makinesi, elektrikli', 2.5, 20, 0.1),
  electrical('850940000000', 'Mutfak robotu, blender, mikser', 2.8, 15, 0.2),
  electrical('853669900000', 'Fiş ve priz (1000 V altı)', 0.05, 30, 1.0, SOCKET_STANDARDS),
  electrical('853650800000', 'Anahtar (şalter), 1000 V altı', 0.08, 35, 0.6, SOCKET_STANDARDS),
  electrical('850440830000', 'Şarj cihazı, adaptör (statik konvertör)', 0.12, 40, 1.1),
  electrical('853950000000', 'LED lamba ve ampul', 0.06, 45, 0.9, LED_STANDARDS),
  electrical('854442900000', 'Elektrik kablosu, konnektörlü (1000 V altı)', 0.5, 9, 0.4),
  textile('610910000000', 'Pamuklu tişört, örme', 18, -0.3),
  textile('611020100000', 'Kazak, süveter (yün)', 25, -0.4),
  textile('620342310000', 'Erkek pantolonu, denim, pamuklu', 15, -0.2),
  textile('620462310000', 'Kadın pantolonu, denim, pamuklu', 16, -0.2),
  textile('620640000000', 'Kadın bluzu, sentetik liflerden', 22, 0.0),
  textile('611120900000', 'Bebek giyimi, pamuklu, örme', 20, 0.6),
  footwear('640299930000', 'Ayakkabı, kauçuk veya plastik tabanlı', 12, 0.1),
  footwear('640399930000', 'Deri ayakkabı', 30, -0.3),
  footwear('640411000000', 'Spor ayakkabı, tekstil yüzlü', 20, 0.4),
  machine('845011190000', 'Çamaşır makinesi, ev tipi', 65, 6, -0.4),
  machine('841810200000', 'Buzdolabı, kombi tip', 60, 7, -0.5),
  machine('842211000000', 'Bulaşık makinesi, ev tipi', 45, 8, -0.4),
  machine('846721100000', 'Elektrikli matkap, el aleti', 1.8, 28, 0.3, TOOL_STANDARDS),
  machine('841451000000', 'Vantilatör, masa ve ayaklı tip', 4, 9, 0.2),
  agri('FRESH_PRODUCE', '070200000000', 'Domates, taze veya soğutulmuş', 0.9, 0.2, ['TR']),
  agri('FRESH_PRODUCE', '070310190000', 'Kuru soğan', 0.4, -0.3, ['TR', 'EG', 'NL']),
  agri('FRESH_PRODUCE', '080510200000', 'Portakal, taze', 0.7, 0.0, ['TR', 'EG', 'ZA']),
  agri('FRESH_PRODUCE', '080550100000', 'Limon, taze', 0.8, 0.1, ['TR', 'AR', 'ZA']),
  agri('FRESH_PRODUCE', '080610100000', 'Sofralık üzüm, taze', 1.2, 0.3, ['TR', 'CL']),
  agri('DRIED_NUTS', '080221000000', 'Fındık, kabuklu', 4.5, 0.2, ['TR', 'GE', 'AZ']),
  agri('DRIED_NUTS', '080222000000', 'Fındık içi, kabuksuz', 9.5, 0.4, ['TR', 'GE', 'AZ', 'IT']),
  agri('DRIED_NUTS', '080420900000', 'Kuru incir', 4.0, 0.6, ['TR', 'IR']),
  agri('DRIED_NUTS', '081310000000', 'Kuru kayısı', 5.5, 0.5, ['TR', 'UZ', 'IR']),
  agri('DRIED_NUTS', '080620300000', 'Çekirdeksiz kuru üzüm', 2.6, 0.3, ['TR', 'IR', 'UZ']),
  agri('SPICES', '090411000000', 'Karabiber, ezilmemiş', 5.0, 0.6, ['VN', 'BR', 'IN', 'ID']),
  agri('SPICES', '090931000000', 'Kimyon tohumu', 3.2, 0.7, ['IN', 'SY', 'IR']),
  agri('SPICES', '090240000000', 'Siyah çay, fermente', 3.8, 0.2, ['LK', 'IN', 'KE']),
  agri('SPICES', '090421900000', 'Kırmızı pul biber', 3.0, 0.9, ['TR', 'IN', 'CN']),
  agri('CEREALS', '100199000000', 'Ekmeklik buğday', 0.3, -0.2, ['RU', 'UA', 'KZ', 'RO']),
  agri('CEREALS', '100119000000', 'Makarnalık buğday (durum)', 0.4, -0.1, ['RU', 'KZ', 'CA']),
  agri('CEREALS', '100630980000', 'Pirinç, yarı veya tam değirmenden geçirilmiş', 0.7, 0.1, ['US', 'IT', 'EG', 'RU', 'UY']),
  agri('CEREALS', '100590000000', 'Mısır (tohumluk olmayan)', 0.25, -0.3, ['UA', 'RU', 'BR', 'US']),
];

/** What the exporters ship abroad (agricultural quality control applies to exports too). */
export const EXPORT_CATEGORIES: readonly ProductCategory[] = ['FRESH_PRODUCE', 'DRIED_NUTS', 'SPICES'];

/** Customs offices: 6-digit codes, some with a leading zero that must survive every file format. */
export const CUSTOMS_OFFICES: readonly { readonly code: string; readonly name: string; readonly weight: number }[] = [
  { code: '341300', name: 'İstanbul Halkalı Gümrük Müdürlüğü', weight: 5 },
  { code: '340100', name: 'İstanbul Ambarlı Gümrük Müdürlüğü', weight: 4 },
  { code: '350100', name: 'İzmir Alsancak Gümrük Müdürlüğü', weight: 3 },
  { code: '330100', name: 'Mersin Gümrük Müdürlüğü', weight: 3 },
  { code: '160100', name: 'Bursa Gümrük Müdürlüğü', weight: 2 },
  { code: '060100', name: 'Ankara Gümrük Müdürlüğü', weight: 2 },
  { code: '270100', name: 'Gaziantep Gümrük Müdürlüğü', weight: 1.5 },
  { code: '070100', name: 'Antalya Gümrük Müdürlüğü', weight: 1.5 },
];

/** Fixed conversion to USD for the world's currencies (the file's value_usd column). */
export const USD_PER_UNIT: Readonly<Record<string, number>> = { USD: 1, EUR: 1.08, TRY: 1 / 32.5, CNY: 0.138 };

export const productsOf = (category: ProductCategory): readonly Product[] => PRODUCTS.filter((p) => p.category === category);
