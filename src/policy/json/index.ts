export { actionMatches, arnLike, globMatch } from './match';
export {
  actionsOf,
  allowsAction,
  awsPrincipalsOf,
  canonicalJson,
  conditionKeysOf,
  conditionValues,
  grantsAction,
  isAnyPrincipal,
  parsePolicyJson,
  servicePrincipalsOf,
  statementsOf,
  toArray,
} from './read';
export { canonicalStatement, formatStatement, refLabel, sortedUnique, statementKey, valueList } from './canonical-statement';
