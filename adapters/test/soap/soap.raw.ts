import Fastify, { type FastifyInstance } from 'fastify';
import { soapRoutes } from '../../src/soap/soap.routes.js';
import { InMemoryIngest, RecordingMetrics, verifier } from './soap.fixtures.js';

/** `fullDeclaration()` written by hand as a customs system would: prefixed, indented, with CDATA and character references. */
export const RAW_DECLARATION = `
      <d:declaration>
        <d:id>26341300IM000123</d:id>
        <d:version>2</d:version>
        <d:kind>IMPORT</d:kind>
        <d:domain>PRODUCT_SAFETY</d:domain>
        <d:customsOffice>341300</d:customsOffice>
        <d:submittedAt>2026-11-24T10:15:30.123Z</d:submittedAt>
        <d:trader>
          <d:taxId>4540536920</d:taxId>
          <d:name>Örnek Oyuncak İthalat A.Ş. &amp; &lt;Ortakları&gt;</d:name>
          <d:mersisNo>0454053692000015</d:mersisNo>
          <d:esbisNo>ESB12345</d:esbisNo>
        </d:trader>
        <d:representative>
          <d:tckn>17291716060</d:tckn>
          <d:firstName>Ayşe Gül</d:firstName>
          <d:lastName>Çelik</d:lastName>
          <d:birthYear>1984</d:birthYear>
        </d:representative>
        <d:items>
          <d:item>
            <d:itemNo>1</d:itemNo>
            <d:gtip>950300700000</d:gtip>
            <d:description><![CDATA[Plastik oyuncak bebek, 3 yaş üstü]]></d:description>
            <d:originCountry>CN</d:originCountry>
            <d:quantity>1200.50</d:quantity>
            <d:unit>ADET</d:unit>
            <d:netMassKg>2.5E-1</d:netMassKg>
            <d:value>
              <d:amount>15999.99</d:amount>
              <d:currency>USD</d:currency>
            </d:value>
            <d:brand>Minik</d:brand>
            <d:model>B-42</d:model>
            <d:conformity>
              <d:ceMarked>1</d:ceMarked>
              <d:standards>
                <d:standard>EN 71-1:2014+A1:2018</d:standard>
                <d:standard>EN 71-3:2019</d:standard>
              </d:standards>
              <d:certificateNo>CE-2026-0042</d:certificateNo>
            </d:conformity>
          </d:item>
          <d:item>
            <d:itemNo>2</d:itemNo>
            <d:gtip>640299980000</d:gtip>
            <d:description>Spor ayakkab&#305;</d:description>
            <d:originCountry>VN</d:originCountry>
            <d:quantity> 300 </d:quantity>
            <d:unit>CIFT</d:unit>
            <d:netMassKg>180</d:netMassKg>
            <d:value><d:amount>0</d:amount><d:currency>EUR</d:currency></d:value>
            <d:conformity><d:ceMarked>false</d:ceMarked><d:standards/></d:conformity>
          </d:item>
        </d:items>
        <d:documents>
          <d:document>
            <d:type>INVOICE</d:type>
            <d:mediaType>application/pdf</d:mediaType>
            <d:sha256>${'a'.repeat(64)}</d:sha256>
            <d:size>48213</d:size>
            <d:fileName>fatura-2026-0042.pdf</d:fileName>
          </d:document>
          <d:document>
            <d:type>CERTIFICATE_OF_CONFORMITY</d:type>
            <d:mediaType>image/png</d:mediaType>
            <d:sha256>${'0123456789abcdef'.repeat(4)}</d:sha256>
            <d:size>1</d:size>
          </d:document>
        </d:documents>
      </d:declaration>`;

export const submitBody = (declaration = RAW_DECLARATION, extra = ''): string =>
  `<d:SubmitDeclaration xmlns:d="urn:tareks:hub:declarations:v1">${declaration}${extra}</d:SubmitDeclaration>`;

export const envelope11 = (body: string, header = ''): string => `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
  <soapenv:Header>${header}</soapenv:Header>
  <soapenv:Body>
    ${body}
  </soapenv:Body>
</soapenv:Envelope>`;

export const envelope12 = (body: string): string =>
  `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body>${body}</env:Body></env:Envelope>`;

export const usernameToken = (username: string, password: string, type = '#PasswordText'): string => `
    <wsse:Security soapenv:mustUnderstand="1" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
      <wsse:UsernameToken>
        <wsse:Username>${username}</wsse:Username>
        <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0${type}">${password}</wsse:Password>
      </wsse:UsernameToken>
    </wsse:Security>`;

export interface SoapTestApp {
  readonly app: FastifyInstance;
  readonly ingest: InMemoryIngest;
  readonly metrics: RecordingMetrics;
}

export async function buildSoapApp(bodyLimitBytes?: number): Promise<SoapTestApp> {
  const app = Fastify({ logger: false });
  const ingest = new InMemoryIngest();
  const metrics = new RecordingMetrics();
  await app.register(soapRoutes, { prefix: '/soap/declarations', ingest, verifier: verifier(), metrics, maxWaitMs: 5_000, bodyLimitBytes });
  await app.ready();
  return { app, ingest, metrics };
}
