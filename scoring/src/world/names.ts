/** Name material for the synthetic population (Turkish letters on purpose). */

export const FIRST_NAMES: readonly string[] = [
  'Ahmet', 'Mehmet', 'Mustafa', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'İsmail', 'Osman', 'Yusuf', 'Ömer', 'Murat', 'Emre',
  'Çağrı', 'Gökhan', 'Şükrü', 'Ümit', 'Doğan', 'Barış', 'Kübra', 'Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif',
  'Şeyma', 'Özge', 'Gülşen', 'Büşra', 'Merve', 'Çiğdem', 'Dilek', 'Sevgi', 'Nurşen', 'İpek', 'Ece', 'Tuğba', 'Gizem', 'Ilgın',
];

export const LAST_NAMES: readonly string[] = [
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç',
  'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'Polat', 'Öz', 'Güneş', 'Erdoğan', 'Aksoy', 'Çakır', 'Güler',
  'Tekin', 'Uçar', 'Bozkurt', 'Karaca', 'Işık', 'Ünal', 'Gök', 'Sarıgül', 'Ağaoğlu', 'Türkoğlu', 'Baysal',
];

export const FIRM_WORDS: readonly string[] = [
  'Anadolu', 'Ege', 'Marmara', 'Boğaziçi', 'Karadeniz', 'Akdeniz', 'Toros', 'Yıldız', 'Güneş', 'Çınar', 'Öncü', 'Doğuş',
  'Atlas', 'Delta', 'Meridyen', 'Başak', 'Pınar', 'Kuzey', 'Ufuk', 'İnci', 'Şölen', 'Gökkuşağı', 'Lale', 'Defne',
];

export const SECTOR_WORDS: Readonly<Record<string, string>> = {
  TOYS: 'Oyuncak',
  ELECTRICAL: 'Elektrik Elektronik',
  TEXTILES: 'Tekstil',
  FOOTWEAR: 'Ayakkabı',
  MACHINERY: 'Makine',
  FRESH_PRODUCE: 'Yaş Meyve Sebze',
  DRIED_NUTS: 'Kuruyemiş Gıda',
  SPICES: 'Baharat Gıda',
  CEREALS: 'Hububat Tarım Ürünleri',
};

/** Registered trades of sole proprietors (esnaf) as their chambers list them. */
export const TRADES: readonly { readonly trade: string; readonly chamber: string }[] = [
  { trade: 'Oyuncak ve hediyelik eşya perakendecisi', chamber: 'İstanbul Hediyelik Eşyacılar Odası' },
  { trade: 'Elektrikçi ve küçük ev aletleri satıcısı', chamber: 'İstanbul Elektrikçiler Odası' },
  { trade: 'Konfeksiyon ve hazır giyim satıcısı', chamber: 'İzmir Terziler ve Konfeksiyoncular Odası' },
  { trade: 'Ayakkabı satıcısı', chamber: 'Ankara Ayakkabıcılar Odası' },
  { trade: 'Kuruyemişçi', chamber: 'Gaziantep Kuruyemişçiler Odası' },
  { trade: 'Baharat ve aktar', chamber: 'Mersin Bakkallar ve Aktarlar Odası' },
  { trade: 'Yaş sebze meyve komisyoncusu', chamber: 'Antalya Sebze Meyve Komisyoncuları Odası' },
];

export const CITIES: readonly { readonly city: string; readonly district: string; readonly plate: string }[] = [
  { city: 'İstanbul', district: 'Bağcılar', plate: '34' },
  { city: 'İstanbul', district: 'Şişli', plate: '34' },
  { city: 'İstanbul', district: 'Ümraniye', plate: '34' },
  { city: 'İzmir', district: 'Çiğli', plate: '35' },
  { city: 'Ankara', district: 'Çankaya', plate: '06' },
  { city: 'Bursa', district: 'Nilüfer', plate: '16' },
  { city: 'Mersin', district: 'Akdeniz', plate: '33' },
  { city: 'Gaziantep', district: 'Şehitkamil', plate: '27' },
  { city: 'Antalya', district: 'Muratpaşa', plate: '07' },
  { city: 'Giresun', district: 'Görele', plate: '28' },
];

export const STREETS: readonly string[] = ['Atatürk Cad.', 'Cumhuriyet Cad.', 'İnönü Sok.', 'Gazi Bulvarı', 'Menekşe Sok.', 'Çarşı Cad.', 'Sanayi Sitesi'];

/** Brands declared on items; some carry commas or quotes, as real ones do. */
export const GENUINE_BRANDS: readonly string[] = [
  'Şık Oyuncak', 'Güneş Elektrik', 'Çağdaş Tekstil', 'Öz Işık', 'Yıldız "Star"', 'Kuş, Çiçek ve Böcek', 'Ilıca', 'Doğa Kids',
  'Akıllı Ev', 'Bosch', 'Philips', 'Siemens', 'Arçelik', 'Vestel', 'LEGO', 'Hasbro', 'Mattel', 'Tefal', 'Braun', 'Nike',
  'Adidas', 'Koton', 'LC Waikiki', 'Makita', 'Schneider Electric', 'Osram', 'Viko', 'Dewalt',
];

/** Look-alike or unknown brands that a counterfeit or unsafe shipment tends to carry. */
export const DUBIOUS_BRANDS: readonly string[] = [
  'Filips', 'Bosh', 'Adibas', 'Nikke', 'Samsong', 'Panasoanic', 'LEG0', 'Super Power', 'Mega "Pro"', 'Best, Quality', 'Ucuz Işık', 'Jüpiter',
];

export const AGRI_BRANDS: readonly string[] = ['', '', '', 'Tiryaki', 'Fiskobirlik', 'Kütahya Kuru', 'Ege Doğal', 'Bağ Bozumu', 'Toros Baharat'];
