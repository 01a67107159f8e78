import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import {
  BasicConstraintsExtension, KeyUsageFlags, KeyUsagesExtension, X509CertificateGenerator, cryptoProvider, type X509Certificate,
} from '@peculiar/x509';

cryptoProvider.set(webcrypto as unknown as Crypto);

export { KeyUsageFlags };

const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const DAY = 86_400_000;

export interface Issued {
  readonly cert: X509Certificate;
  readonly keys: CryptoKeyPair;
  readonly pem: string;
  /** PKCS#8 PEM of the private key (what xml-crypto and node:crypto sign with). */
  readonly keyPem: string;
}

async function finish(cert: X509Certificate, keys: CryptoKeyPair): Promise<Issued> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as webcrypto.CryptoKey)).toString('base64');
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
  return { cert, keys, pem: cert.toString('pem'), keyPem };
}

const newKeys = async (): Promise<CryptoKeyPair> => (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;

/** A self-signed root CA (a test stand-in for an ESHS root). */
export async function makeRoot(name: string): Promise<Issued> {
  const keys = await newKeys();
  const cert = await X509CertificateGenerator.createSelfSigned({
    name: `CN=${name}, O=Test ESHS, C=TR`,
    keys,
    signingAlgorithm: ALG,
    notBefore: new Date(Date.now() - 365 * DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    extensions: [new BasicConstraintsExtension(true, 1, true), new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true)],
  });
  return finish(cert, keys);
}

export async function makeIntermediate(issuer: Issued, name: string): Promise<Issued> {
  const keys = await newKeys();
  const cert = await X509CertificateGenerator.create({
    subject: `CN=${name}, O=Test ESHS, C=TR`,
    issuer: issuer.cert.subject,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: ALG,
    notBefore: new Date(Date.now() - 300 * DAY),
    notAfter: new Date(Date.now() + 3000 * DAY),
    extensions: [new BasicConstraintsExtension(true, 0, true), new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true)],
  });
  return finish(cert, keys);
}

/** A qualified signing certificate for a person: subject serialNumber carries the TCKN. */
export async function makePerson(
  issuer: Issued,
  tckn: string,
  opts: { notBefore?: Date; notAfter?: Date; usage?: KeyUsageFlags } = {},
): Promise<Issued> {
  const keys = await newKeys();
  const cert = await X509CertificateGenerator.create({
    subject: `CN=Test Person, 2.5.4.5=${tckn}, C=TR`,
    issuer: issuer.cert.subject,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: ALG,
    notBefore: opts.notBefore ?? new Date(Date.now() - 30 * DAY),
    notAfter: opts.notAfter ?? new Date(Date.now() + 700 * DAY),
    extensions: [new BasicConstraintsExtension(false, undefined, true), new KeyUsagesExtension(opts.usage ?? KeyUsageFlags.nonRepudiation, true)],
  });
  return finish(cert, keys);
}
