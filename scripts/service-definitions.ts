import { billingService } from '../billing-service/src/service';
import { contractService } from '../contract-service/src/service';
import { mailerService } from '../invoice-mailer/src/service';
import { paymentService } from '../payment-service/src/service';

/** Every service's definition, for the scripts that act on all of them (migrations). */
export const serviceDefinitions = [contractService, billingService, paymentService, mailerService] as const;
