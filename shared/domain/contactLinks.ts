/**
 * Links that hand a message to the user's own apps, so nothing needs a paid service: WhatsApp
 * click-to-chat, e-mail, SMS and the dialer. Texts are percent-encoded; a newline becomes %0A.
 */
import type { NormalizedPhone } from './phone';

/** Above this a message may be cut by some WhatsApp clients; the UI warns, it does not refuse. */
export const LONG_MESSAGE_CHARS = 1_000;

export function whatsappLink(phone: NormalizedPhone, text: string): string | null {
  if (!phone.canMessage) return null;
  return `https://wa.me/${phone.digits}?text=${encodeURIComponent(text)}`;
}

export function smsLink(phone: NormalizedPhone, text: string): string | null {
  if (!phone.canMessage) return null;
  return `sms:${phone.e164}?body=${encodeURIComponent(text)}`;
}

export function telLink(phone: NormalizedPhone): string {
  return `tel:${phone.e164}`;
}

export function mailtoLink(to: string, subject: string, body: string): string {
  // RFC 6068: the address part may hold @ and dots as they are; everything else is encoded
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
}

export function isLongMessage(text: string): boolean {
  return [...text].length > LONG_MESSAGE_CHARS;
}
