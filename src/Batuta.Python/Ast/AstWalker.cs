namespace Batuta.Python.Ast
{
    /// <summary>
    /// Visits a node and all its descendants in CPython field order (pre-order). Override
    /// <see cref="Visit"/> to see every node, or <see cref="Enter"/>/<see cref="Leave"/> around each.
    /// Recursion depth is bounded by the parser's nesting limits, so a walk cannot overflow the stack.
    /// </summary>
    public abstract class AstWalker
    {
        public virtual void Visit(Node node)
        {
            if (Enter(node)) node.WalkChildren(this);
            Leave(node);
        }

        /// <summary>Return false to skip the node's children.</summary>
        protected virtual bool Enter(Node node) => true;

        protected virtual void Leave(Node node) { }

        /// <summary>Visits the children of <paramref name="node"/> without calling Enter/Leave on it.</summary>
        protected void WalkChildren(Node node) => node.WalkChildren(this);
    }
}
