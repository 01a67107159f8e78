import { renderEnvExample } from '../config/env-example.js';

process.stdout.write(renderEnvExample());
