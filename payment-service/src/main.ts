import { runServiceMain } from '@boissipay/runtime';
import { definition } from './service';

runServiceMain(definition);
