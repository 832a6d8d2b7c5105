import type { Messages } from './index';

export const en: Messages = {
  errors: {
    VALIDATION_FAILED: 'Some information is not valid; please check it.',
    UNAUTHENTICATED: 'Please sign in.',
    CSRF_FAILED: 'Your session changed. Please reload the page and try again.',
    FORBIDDEN: 'You are not allowed to see or do this.',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'This is already in the system.',
    RATE_LIMITED: 'Too many attempts. Please try again in a few minutes.',
    OTP_INVALID: 'The one-time code is not correct.',
    OTP_EXPIRED: 'The one-time code has expired. Please ask for a new one.',
    OTP_TOO_MANY_ATTEMPTS: 'Too many wrong codes. Please ask for a new one.',
    BAD_CREDENTIALS: 'Wrong account or password.',
    ACCOUNT_DISABLED: 'This account is locked. Please contact an administrator.',
    INVITATION_INVALID: 'This invitation is not valid or has expired.',
    TOKEN_MALFORMED: 'The code cannot be read.',
    TOKEN_TAMPERED: 'The code has been altered.',
    TOKEN_BAD_SIGNATURE: 'Invalid code (wrong signature).',
    TOKEN_UNKNOWN_KEY: 'The code was not issued by this system, or its key was revoked.',
    TOKEN_EXPIRED: 'The code has expired.',
    INTERNAL: 'Something went wrong. Please try again.',
  },
  sms: {
    // Without diacritics: an SMS with them is split after 70 characters.
    otp: 'vaora: your one-time code is {code}, valid for 5 minutes. Do not share it.',
    invitation: 'vaora: {name}, you are invited as {role}. Open this link to set your password: {link}',
  },
  validation: {
    required: 'Please fill this in.',
    invalid: 'This value is not valid.',
    tooShort: 'Too short.',
    tooLong: 'Too long.',
    phone: 'A phone number has 10 digits and starts with 0.',
    email: 'This e-mail address is not valid.',
    phoneOrEmail: 'Enter a phone number or an e-mail address.',
    otp: 'The one-time code has 6 digits.',
    password: 'A password needs at least 10 characters.',
    unitCode: 'Please choose an administrative unit.',
    purpose: 'Please state the purpose (at least 5 characters).',
  },
};
