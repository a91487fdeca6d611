import { SessionGate } from '~/session/session-gate';

export default function Home() {
  return <SessionGate />;
}
