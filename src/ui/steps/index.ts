import type { Screen } from '../state.js';
import { accessStep } from './access.js';
import { actionsStep } from './actions.js';
import { adminsStep } from './admins.js';
import { consumersStep } from './consumers.js';
import { currentStep } from './current.js';
import { doneScreen } from './done.js';
import { keyStep } from './key.js';
import { outputStep } from './output.js';
import { regionsStep } from './regions.js';
import { reviewStep } from './review.js';
import { servicesStep } from './services.js';
import { startStep } from './start.js';
import type { ScreenModule } from './types.js';

/** Every screen by id, in wizard order. */
export const SCREENS: Record<Screen, ScreenModule> = {
  start: startStep,
  key: keyStep,
  current: currentStep,
  admins: adminsStep,
  access: accessStep,
  consumers: consumersStep,
  services: servicesStep,
  regions: regionsStep,
  actions: actionsStep,
  review: reviewStep,
  output: outputStep,
  done: doneScreen,
};
