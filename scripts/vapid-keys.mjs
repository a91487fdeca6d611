// The VAPID key pair `pnpm dev` signs Web Push with: made once into .data/vapid.json (git-ignored),
// so browsers subscribed yesterday still receive today. A deployment sets the VAPID_* variables.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import webPush from 'web-push';

const DEV_SUBJECT = 'mailto:dev@durable-delivery.example';

function storedKeys(file) {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const keys = webPush.generateVAPIDKeys();
  mkdirSync(dirname(file), { recursive: true });
  // Readable by this user only: the private key signs every push the worker sends.
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

/**
 * What the worker and the menu need for Web Push, by app: the worker signs with the pair, the menu
 * serves the public key. Keys already in the environment win over the file.
 */
export function devPushEnv(file) {
  if (process.env.VAPID_PUBLIC_KEY) return {};
  const { publicKey, privateKey } = storedKeys(file);
  return {
    worker: {
      VAPID_PUBLIC_KEY: publicKey,
      VAPID_PRIVATE_KEY: privateKey,
      VAPID_SUBJECT: process.env.VAPID_SUBJECT || DEV_SUBJECT,
    },
    menu: { VAPID_PUBLIC_KEY: publicKey },
  };
}
