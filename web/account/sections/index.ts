// The sections in page order.
import type { Section } from '../context';
import { activitySection } from './activity';
import { deleteSection } from './delete';
import { devicesSection } from './devices';
import { exportSection } from './export';
import { emailSection, phoneSection } from './identifier';
import { mfaSection } from './mfa';
import { passkeysSection } from './passkeys';
import { passwordSection } from './password';
import { profileSection } from './profile';
import { sessionsSection } from './sessions';
import { socialSection } from './social';
import { tokensSection } from './tokens';
import { usernameSection } from './username';

export const SECTIONS: Section[] = [
  profileSection, usernameSection, emailSection, phoneSection, passwordSection, mfaSection, passkeysSection,
  socialSection, sessionsSection, devicesSection, tokensSection, activitySection, exportSection, deleteSection,
];
