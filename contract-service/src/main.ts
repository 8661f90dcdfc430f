import { runServiceMain } from '@boissipay/runtime';
import { contractService } from './service';

runServiceMain(contractService);
