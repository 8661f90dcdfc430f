import { runServiceMain } from '@boissipay/runtime';
import { paymentService } from './service';

runServiceMain(paymentService);
