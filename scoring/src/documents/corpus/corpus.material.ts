/** Names, addresses and issuers the corpus generator prints (Turkish letters on purpose). */

export const TR_FIRM_WORDS = ['Anadolu', 'Ege', 'Marmara', 'Boğaziçi', 'Karadeniz', 'Toros', 'Yıldız', 'Çınar', 'Öncü', 'Doğuş', 'Başak', 'Işık', 'Gökkuşağı', 'Şölen', 'İnci', 'Ufuk'] as const;
export const TR_FIRM_SECTORS = ['Oyuncak', 'Elektrik Elektronik', 'Dış Ticaret', 'Ev Aletleri', 'Tekstil', 'Makine', 'İthalat İhracat'] as const;
export const TR_FIRM_FORMS = ['San. ve Tic. A.Ş.', 'Tic. Ltd. Şti.', 'Dış Tic. A.Ş.', 'İth. İhr. Ltd. Şti.'] as const;

export const FOREIGN_FIRMS = [
  'Shenzhen Huaxin Toys Co., Ltd.',
  'Ningbo Everbright Electric Appliance Co., Ltd.',
  'Guangzhou Sunrise Trading Co., Ltd.',
  'Yiwu Happy Kids Import & Export Co., Ltd.',
  'Müller Elektrogeräte GmbH',
  'Hanoi Green Leaf Manufacturing JSC',
  'Zhejiang Tiangong Power Tools Co., Ltd.',
] as const;

export const TR_ADDRESSES = [
  'Halkalı Merkez Mah. Basın Ekspres Cad. No: 12/3 Küçükçekmece / İSTANBUL',
  'Atatürk Organize Sanayi Bölgesi 10003 Sok. No: 7 Çiğli / İZMİR',
  'Yenidoğan Mah. Gümüşsuyu Cad. No: 45 Şahinbey / GAZİANTEP',
  'Ostim OSB Mah. 1203. Cad. No: 18 Yenimahalle / ANKARA',
  'Nilüfer OSB Mavi Cad. No: 3 Nilüfer / BURSA',
  'Akdeniz Mah. Liman Yolu No: 21 Mezitli / MERSİN',
] as const;

export const FOREIGN_ADDRESSES = [
  'No. 88 Bantian Road, Longgang District, Shenzhen, China',
  'Building 5, Jiangbei Industrial Park, Ningbo, Zhejiang, China',
  'Room 1203, Tianhe Plaza, Guangzhou, China',
  'Industriestraße 14, 70565 Stuttgart, Germany',
  'Lot C4, Quang Minh Industrial Zone, Hanoi, Vietnam',
] as const;

export const TAX_OFFICES = ['Boğaziçi Kurumlar', 'Halkalı', 'Kordon', 'Şehitkamil', 'Ostim', 'Nilüfer', 'Mersin İhtisas'] as const;

/** Notified bodies as listed in NANDO, with their four-digit numbers. */
export const NOTIFIED_BODIES = [
  { number: '0197', name: 'TÜV Rheinland LGA Products GmbH' },
  { number: '0123', name: 'TÜV SÜD Product Service GmbH' },
  { number: '1282', name: 'Ente Certificazione Macchine Srl' },
  { number: '2163', name: 'Universal Belgelendirme A.Ş.' },
  { number: '1783', name: 'Kalite Sistem Laboratuvarları A.Ş.' },
] as const;

export const LABORATORIES = [
  { prefix: 'SGS-IST', name: 'SGS Supervise Gözetme Etüd Kontrol Servisleri A.Ş.' },
  { prefix: 'TSE-LAB', name: 'Türk Standardları Enstitüsü Deney ve Kalibrasyon Merkezi' },
  { prefix: 'ITS-SZ', name: 'Intertek Testing Services Shenzhen Ltd.' },
  { prefix: 'BV-GZ', name: 'Bureau Veritas Consumer Products Services Guangzhou' },
] as const;

/** Short trade wording an invoice uses for the goods, by GTİP: rarely the declaration's own words. */
export const INVOICE_WORDING: Readonly<Record<string, string>> = {
  '950300100000': 'Çocuk scooterı 3 tekerlekli',
  '950300300000': 'Oyuncak bebek seti aksesuarlı',
  '950300490000': 'Peluş oyuncak ayı 30 cm',
  '950300700000': 'Yapı blokları seti 120 parça',
  '950300750000': 'Motorlu plastik oyuncak araba',
  '950300950000': 'Işıklı müzikli pilli oyuncak',
  '851610800000': 'Elektrikli şofben 7,5 kW',
  '851631000000': 'Saç kurutma makinesi 2200 W',
  '851640000000': 'Buharlı ütü 2400 W',
  '851660800000': 'Elektrikli mini fırın 45 lt',
  '851671000000': 'Filtre kahve makinesi',
  '850940000000': 'Mutfak robotu 800 W',
  '853669900000': 'Topraklı priz 16 A',
  '853650800000': 'Sıva altı anahtar',
  '850440830000': 'USB şarj adaptörü 20 W',
  '853950000000': 'LED ampul E27 9 W',
  '854442900000': 'Uzatma kablosu 3 m',
  '610910000000': 'Pamuklu tişört örme',
  '611020100000': 'Yün kazak',
  '620342310000': 'Erkek kot pantolon',
  '620462310000': 'Kadın kot pantolon',
  '620640000000': 'Kadın bluz polyester',
  '611120900000': 'Bebek tulumu pamuklu',
  '640299930000': 'Plastik tabanlı ayakkabı',
  '640399930000': 'Deri erkek ayakkabı',
  '640411000000': 'Spor ayakkabı tekstil yüzlü',
  '845011190000': 'Çamaşır makinesi 9 kg',
  '841810200000': 'No-frost buzdolabı',
  '842211000000': 'Bulaşık makinesi 12 kişilik',
  '846721100000': 'Darbeli matkap 750 W',
  '841451000000': 'Ayaklı vantilatör 45 W',
};
