import { runServiceMain } from '@boissipay/runtime';
import { billingService } from './service';

runServiceMain(billingService);
