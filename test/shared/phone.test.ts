import { describe, expect, it } from 'vitest';
import { normalizePhone } from '#shared/domain/phone';
import { mailtoLink, smsLink, telLink, whatsappLink, isLongMessage } from '#shared/domain/contactLinks';

function phone(text: string, country: string) {
  const r = normalizePhone(text, country);
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return r.phone;
}

describe('normalizePhone', () => {
  it('reads national numbers in the company’s country to international digits', () => {
    expect(phone('011 15 2345-6789', 'AR')).toMatchObject({ digits: '5491123456789', kind: 'mobile', canMessage: true });
    expect(phone('987 654 321', 'PE')).toMatchObject({ digits: '51987654321', kind: 'mobile', canMessage: true });
    expect(phone('+52 55 1234 5678', 'PE').digits).toBe('525512345678'); // a prefix wins over the default country
  });

  it('tells fixed lines apart, so they are not offered for WhatsApp or SMS', () => {
    const fixed = phone('11 2345-6789', 'AR');
    expect(fixed).toMatchObject({ kind: 'fixed', canMessage: false });
    expect(whatsappLink(fixed, 'hola')).toBeNull();
    expect(smsLink(fixed, 'hola')).toBeNull();
    expect(telLink(fixed)).toBe('tel:+541123456789');
    expect(phone('(01) 411-2233', 'PE')).toMatchObject({ kind: 'fixed', canMessage: false });
  });

  it('refuses what is not a phone number', () => {
    expect(normalizePhone('123', 'PE')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalizePhone('pagos@empresa.pe', 'PE')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalizePhone('   ', 'PE')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('contact links', () => {
  it('wa.me links carry digits only and encode the text, newlines as %0A', () => {
    const link = whatsappLink(phone('987 654 321', 'PE'), 'Estimado cliente:\nSaldo S/ 1,250.00 & 2 facturas')!;
    expect(link).toBe('https://wa.me/51987654321?text=Estimado%20cliente%3A%0ASaldo%20S%2F%201%2C250.00%20%26%202%20facturas');
    expect(new URL(link).pathname).toMatch(/^\/\d+$/);
  });

  it('mailto carries subject and body; sms and tel use the E.164 number', () => {
    expect(mailtoLink('pagos@andina.pe', 'Recordatorio', 'Línea 1\nLínea 2')).toBe(
      'mailto:pagos@andina.pe?subject=Recordatorio&body=L%C3%ADnea%201%0D%0AL%C3%ADnea%202',
    );
    expect(smsLink(phone('987 654 321', 'PE'), 'Hola')).toBe('sms:+51987654321?body=Hola');
  });

  it('warns above about a thousand characters', () => {
    expect(isLongMessage('x'.repeat(1000))).toBe(false);
    expect(isLongMessage('x'.repeat(1001))).toBe(true);
  });
});
