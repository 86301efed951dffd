using Batuta.Python.Ast;

namespace Batuta.Python.Syntax
{
    /// <summary>Measures tree depth without recursion (the point is to protect recursive consumers).</summary>
    internal static class TreeDepth
    {
        public static bool Exceeds(Node root, int limit)
        {
            var stack = new Stack<(Node Node, int Depth)>();
            var children = new List<Node>();
            stack.Push((root, 1));
            while (stack.Count > 0)
            {
                var (node, depth) = stack.Pop();
                if (depth > limit) return true;
                children.Clear();
                node.WalkChildren(new Collector(children));
                foreach (var c in children) stack.Push((c, depth + 1));
            }
            return false;
        }

        private sealed class Collector : AstWalker
        {
            private readonly List<Node> _sink;

            public Collector(List<Node> sink) => _sink = sink;

            public override void Visit(Node node) => _sink.Add(node);
        }
    }
}
