import { runServiceMain } from '@boissipay/runtime';
import { mailerService } from './service';

runServiceMain(mailerService);
