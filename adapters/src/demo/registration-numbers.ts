/**
 * Customs registration numbers as the demo customs system issues them: year (2) + office (6) + regime (2) +
 * a base-36 serial (6). The serial starts from the clock in hundredths of a second, so a restarted demo does not
 * reuse numbers it issued before (as long as it issues fewer than 100 a second on average).
 */
export class RegistrationNumbers {
  private serial: number;

  constructor(now: number = Date.now()) {
    this.serial = Math.floor(now / 10) % 36 ** 6;
  }

  next(office: string, regime: 'IM' | 'EX', at: Date = new Date()): string {
    this.serial = (this.serial + 1) % 36 ** 6;
    const year = String(at.getUTCFullYear() % 100).padStart(2, '0');
    return `${year}${office}${regime}${this.serial.toString(36).toUpperCase().padStart(6, '0')}`;
  }
}
