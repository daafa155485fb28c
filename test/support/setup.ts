// Installs cdktf's Jest matchers (toHaveResourceWithProperties, ...) for every suite.
import { Testing } from 'cdktf';

Testing.setupJest();
