import type { SigningKeysRepository } from '../repositories/signing-keys.repository';

// PLACEHOLDER: the signing helper replaces this file.
export function createSigningService(deps: {
  keys: SigningKeysRepository;
  secret: Buffer;
  now: () => Date;
  maxTokenDays: number;
}) {
  return {
    async init(): Promise<void> {
      void deps;
    },
  };
}

export type SigningService = ReturnType<typeof createSigningService>;
