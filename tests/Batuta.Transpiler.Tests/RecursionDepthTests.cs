using Batuta.Transpiler.Tests.Support;

namespace Batuta.Transpiler.Tests;

/// <summary>
/// How recursive functions count Python's recursion depth (Inference.RecursionDepthPassing): a function that calls
/// itself passes the depth to those calls (a compare per call, no shared memory), and touches RecursionGuard's static
/// count only when code that reads it may run in its frame. Python-exact depths and errors:
/// Corpus/recursion_depth_passing.py and Corpus/recursion_limit.py.
/// </summary>
public sealed class RecursionDepthTests
{
    private const string Tree = """
        class Node:
            def __init__(self, left, right):
                self.left = left
                self.right = right


        def make_tree(depth: int) -> Node:
            if depth == 0:
                return Node(None, None)
            depth -= 1
            return Node(make_tree(depth), make_tree(depth))


        def check_tree(node: Node) -> int:
            if node.left is None:
                return 1
            return 1 + check_tree(node.left) + check_tree(node.right)


        """;

    [Fact]
    public void Self_recursion_passes_the_depth_and_leaves_the_static_count_alone()
    {
        var body = TestTranspiler.FunctionCode(Tree + "print(check_tree(make_tree(4)))\n", "CheckTree");
        Assert.Contains("public static PyInt CheckTree(Node node) => CheckTree__rec(node, __rdepth: RecursionGuard.Next(RecursionGuard.Depth));", body);
        Assert.Contains("CheckTree__rec(node.Left!, __rdepth: RecursionGuard.Next(__rdepth))", body);
        Assert.DoesNotContain("RecursionGuard.Enter", body);
        Assert.DoesNotContain("RecursionGuard.Leave", body);
        Assert.DoesNotContain("RecursionGuard.Depth =", body);
    }

    [Fact]
    public void A_constructor_with_plain_fields_does_not_need_the_static_count()
    {
        var body = TestTranspiler.FunctionCode(Tree + "print(check_tree(make_tree(4)))\n", "MakeTree");
        Assert.Contains("new Node(MakeTree__rec(depth, __rdepth: RecursionGuard.Next(__rdepth))", body);
        Assert.DoesNotContain("RecursionGuard.Depth =", body);
    }

    [Theory]
    [InlineData("return helper(n) + walk(n - 1)")]                 // calls a function with a handler
    [InlineData("return walk(n - 1) + sum(walk(k) for k in range(n - 1, n))")] // calls itself in a generator expression too (its own frame)
    [InlineData("return max([n - 1], key=helper)[0] + walk(n - 1)")] // passes the handler's function as a value
    public void Code_that_reads_the_static_count_makes_the_function_keep_it_exact(string statement)
    {
        var body = TestTranspiler.FunctionCode($$"""
            def helper(k):
                try:
                    return int(k)
                except ValueError:
                    return 0


            def walk(n: int) -> int:
                if n <= 0:
                    return 0
                {{statement}}


            print(walk(5))
            """, "Walk");
        Assert.Contains("RecursionGuard.Depth = __rdepth;", body);
        Assert.Contains("return RecursionGuard.Exit(__rdepth, ", body);
    }

    [Fact]
    public void A_function_with_its_own_handler_keeps_the_static_count()
    {
        var body = TestTranspiler.FunctionCode("""
            def parse(n: int) -> int:
                try:
                    return parse(n - 1) if n > 0 else int("x")
                except ValueError:
                    return -1


            print(parse(3))
            """, "Parse");
        Assert.Contains("RecursionGuard.Enter();", body);
        Assert.DoesNotContain("__rec", body);
    }

    [Fact]
    public void Mutual_recursion_without_self_calls_keeps_the_static_count()
    {
        var body = TestTranspiler.FunctionCode("""
            def ping(n: int) -> str:
                return "done" if n == 0 else pong(n - 1)


            def pong(n: int) -> str:
                return ping(n - 1) if n > 0 else "done"


            print(ping(10))
            """, "Ping");
        Assert.Contains("RecursionGuard.Enter();", body);
    }

    private const string Walker = """
        class Walker:
            def size(self, node):
                if node is None:
                    return 0
                return 1 + self.size(node[0]) + self.size(node[1])


        """;

    [Fact]
    public void A_method_calling_itself_through_self_passes_the_depth()
    {
        var code = TestTranspiler.Code(TestTranspiler.Transpile(Walker + "print(Walker().size(((None, None), None)))\n"));
        Assert.Contains("node) => Size__rec(node, __rdepth: RecursionGuard.Next(RecursionGuard.Depth));", code);
        Assert.Contains("this.Size__rec(", code);
    }

    [Fact]
    public void A_method_a_subclass_may_override_keeps_the_static_count()
    {
        var code = TestTranspiler.Code(TestTranspiler.Transpile(Walker + """
            class Counting(Walker):
                pass


            print(Counting().size(((None, None), None)))
            """));
        Assert.DoesNotContain("Size__rec", code);
        Assert.Contains("RecursionGuard.Enter();", code);
    }
}
