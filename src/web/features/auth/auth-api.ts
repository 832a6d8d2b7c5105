import type {
  AcceptInvitation,
  OtpRequest,
  OtpVerify,
  PasswordSignIn,
  SessionInfo,
} from '../../../domain/schemas/auth';
import { api } from '../../app/api-client';

export const requestOtp = (body: OtpRequest) =>
  api<{ expiresInSeconds: number }>('POST', '/api/auth/otp/request', body);

export const verifyOtp = (body: OtpVerify) => api<SessionInfo>('POST', '/api/auth/otp/verify', body);

export const signInWithPassword = (body: PasswordSignIn) =>
  api<SessionInfo>('POST', '/api/auth/password', body);

export const acceptInvitation = (body: AcceptInvitation) =>
  api<SessionInfo>('POST', '/api/invitations/accept', body);
