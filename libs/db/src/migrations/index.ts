import { InitialSchema1764400000000 } from './1764400000000-initial-schema';
import { IdentityAndAccess1764610000000 } from './1764610000000-identity-and-access';

export const MIGRATIONS = [InitialSchema1764400000000, IdentityAndAccess1764610000000];
