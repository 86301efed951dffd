// The AST's Attribute, Tuple, List, Set and Dict names win over System's in this assembly.
global using Attribute = Batuta.Python.Ast.Attribute;
global using Tuple = Batuta.Python.Ast.Tuple;
