import { AppError } from '../errors/app-error.js';
import {
  MaintenanceInputError,
  toMaintenanceFields,
  type MaintenanceFields,
  type MaintenanceInput,
} from './maintenance-input.js';

/** toMaintenanceFields, with its refusal as the client's error. */
export function validMaintenanceFields(input: MaintenanceInput): MaintenanceFields {
  try {
    return toMaintenanceFields(input);
  } catch (error) {
    if (error instanceof MaintenanceInputError) throw new AppError('invalid-input', error.message);
    throw error;
  }
}
