/** `idcgen profiles`: AWS CLI profiles for every account of a model. */
export { awsConfigProfiles, canonicalStartUrl, PROFILES_MARKER, ProfilesError, SESSION_NAME } from './aws-config';
