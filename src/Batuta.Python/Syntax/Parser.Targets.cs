using Batuta.Python.Ast;
using Attribute = Batuta.Python.Ast.Attribute;
using Tuple = Batuta.Python.Ast.Tuple;

namespace Batuta.Python.Syntax
{
    internal sealed partial class Parser
    {
        private enum TargetsType { Star, Del, For }

        // ------------------------------------------------------------------ converting parsed expressions

        /// <summary>Name, Attribute or Subscript, possibly parenthesised (single_target / single_subscript_attribute_target).</summary>
        private static bool IsSingleTarget(ExpressionNode e) => e is Name or Attribute or Subscript;

        /// <summary>
        /// The expression as a star_targets tree in Store context, or null when it is not a valid target.
        /// Valid targets are exactly the expressions the star_targets rules accept, so parsing the left side
        /// as an expression first loses nothing.
        /// </summary>
        private static ExpressionNode? ToStarTarget(ExpressionNode e)
        {
            switch (e)
            {
                case Name or Attribute or Subscript:
                    return ToContext(e, ExprContext.Store);
                case Starred s:
                    {
                        if (s.Value is Starred) return null;
                        var inner = ToStarTarget(s.Value);
                        return inner is null ? null : new Starred(inner, ExprContext.Store, s.Span);
                    }
                case Tuple t:
                    {
                        var items = ConvertAll(t.Elts);
                        return items is null ? null : new Tuple(items.Value, ExprContext.Store, t.Span);
                    }
                case List l:
                    {
                        var items = ConvertAll(l.Elts);
                        return items is null ? null : new List(items.Value, ExprContext.Store, l.Span);
                    }
            }
            return null;
        }

        private static NodeList<ExpressionNode>? ConvertAll(NodeList<ExpressionNode> elts)
        {
            var arr = new ExpressionNode[elts.Count];
            for (int i = 0; i < arr.Length; i++)
            {
                var c = ToStarTarget(elts[i]);
                if (c is null) return null;
                arr[i] = c;
            }
            return new NodeList<ExpressionNode>(arr);
        }

        /// <summary>_PyPegen_set_expr_context: the same node (same span) with another context; children of Starred/List/Tuple too.</summary>
        private static ExpressionNode? ToContext(ExpressionNode e, ExprContext ctx)
        {
            switch (e)
            {
                case Name n: return n.Ctx == ctx ? n : new Name(n.Id, ctx, n.Span);
                case Attribute a: return a.Ctx == ctx ? a : new Attribute(a.Value, a.Attr, ctx, a.Span);
                case Subscript s: return s.Ctx == ctx ? s : new Subscript(s.Value, s.Slice, ctx, s.Span);
                case Starred st:
                    {
                        var inner = ToContext(st.Value, ctx);
                        return inner is null ? null : new Starred(inner, ctx, st.Span);
                    }
                case Tuple t:
                    {
                        var items = ContextAll(t.Elts, ctx);
                        return items is null ? null : new Tuple(items.Value, ctx, t.Span);
                    }
                case List l:
                    {
                        var items = ContextAll(l.Elts, ctx);
                        return items is null ? null : new List(items.Value, ctx, l.Span);
                    }
            }
            return null;
        }

        private static NodeList<ExpressionNode>? ContextAll(NodeList<ExpressionNode> elts, ExprContext ctx)
        {
            var arr = new ExpressionNode[elts.Count];
            for (int i = 0; i < arr.Length; i++)
            {
                var c = ToContext(elts[i], ctx);
                if (c is null) return null;
                arr[i] = c;
            }
            return new NodeList<ExpressionNode>(arr);
        }

        // ------------------------------------------------------------------ star_targets parsed directly

        /// <summary>star_targets: star_target !',' | star_target (',' star_target)* [','] → Tuple(Store)</summary>
        private ExpressionNode? StarTargets()
        {
            int start = _p;
            var first = StarTarget();
            if (first is null) return null;
            if (!At(TokenKind.Comma)) return first;
            var items = new List<ExpressionNode> { first };
            while (At(TokenKind.Comma))
            {
                _p++;
                int save = _p;
                var next = StarTarget();
                if (next is null)
                {
                    _p = save;
                    break;
                }
                items.Add(next);
            }
            return new Tuple(new NodeList<ExpressionNode>(items.ToArray()), ExprContext.Store, Span(start));
        }

        /// <summary>star_target: '*' (!'*' star_target) | target_with_star_atom</summary>
        private ExpressionNode? StarTarget()
        {
            Enter();
            ExpressionNode? result;
            if (At(TokenKind.Star))
            {
                int start = _p;
                result = null;
                if (Kind(1) != TokenKind.Star)
                {
                    _p++;
                    var inner = StarTarget();
                    if (inner is not null) result = new Starred(inner, ExprContext.Store, Span(start));
                    else _p = start;
                }
            }
            else result = TargetWithStarAtom();
            Leave();
            return result;
        }

        /// <summary>
        /// target_with_star_atom: t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | star_atom.
        /// The t_primary chain is parsed as an ordinary primary; its last trailer decides.
        /// </summary>
        private ExpressionNode? TargetWithStarAtom()
        {
            int start = _p;
            var k = Kind();
            if (k == TokenKind.Name)
            {
                var e = Primary();
                if (e is Name or Attribute or Subscript) return ToContext(e, ExprContext.Store);
                _p = start;
                return null;
            }
            if (k == TokenKind.LeftParen || k == TokenKind.LeftBracket || StartsAtom(k))
            {
                var e = Primary();
                if (e is Attribute or Subscript && _p > start) return ToContext(e, ExprContext.Store);
                _p = start;
            }
            return StarAtom(TargetsType.Star);
        }

        private static bool StartsAtom(TokenKind k) => k is TokenKind.String or TokenKind.Number or TokenKind.LeftBrace or TokenKind.True
            or TokenKind.False or TokenKind.None or TokenKind.Ellipsis;

        /// <summary>
        /// star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')' | '[' [star_targets_list_seq] ']'
        /// (and del_t_atom for del targets).
        /// </summary>
        private ExpressionNode? StarAtom(TargetsType type)
        {
            int start = _p;
            var ctx = type == TargetsType.Del ? ExprContext.Del : ExprContext.Store;
            if (At(TokenKind.LeftParen))
            {
                _p++;
                if (Accept(TokenKind.RightParen)) return new Tuple(NodeList<ExpressionNode>.Empty, ctx, Span(start));
                var first = type == TargetsType.Del ? DelTarget() : StarTarget();
                if (first is null)
                {
                    _p = start;
                    return null;
                }
                if (Accept(TokenKind.RightParen))
                {
                    if (first is Starred)
                    {
                        _p = start;
                        return null;
                    }
                    return first;
                }
                if (!At(TokenKind.Comma))
                {
                    _p = start;
                    return null;
                }
                var items = new List<ExpressionNode> { first };
                while (Accept(TokenKind.Comma))
                {
                    if (At(TokenKind.RightParen)) break;
                    var next = type == TargetsType.Del ? DelTarget() : StarTarget();
                    if (next is null)
                    {
                        _p = start;
                        return null;
                    }
                    items.Add(next);
                }
                if (!Accept(TokenKind.RightParen))
                {
                    _p = start;
                    return null;
                }
                return new Tuple(new NodeList<ExpressionNode>(items.ToArray()), ctx, Span(start));
            }
            if (At(TokenKind.LeftBracket))
            {
                _p++;
                var items = new List<ExpressionNode>();
                while (!At(TokenKind.RightBracket))
                {
                    var next = type == TargetsType.Del ? DelTarget() : StarTarget();
                    if (next is null)
                    {
                        _p = start;
                        return null;
                    }
                    items.Add(next);
                    if (!Accept(TokenKind.Comma)) break;
                }
                if (!Accept(TokenKind.RightBracket))
                {
                    _p = start;
                    return null;
                }
                return new List(new NodeList<ExpressionNode>(items.ToArray()), ctx, Span(start));
            }
            return null;
        }

        // ------------------------------------------------------------------ del targets

        /// <summary>del_targets: ','.del_target+ [',']</summary>
        private NodeList<ExpressionNode>? DelTargets()
        {
            var items = new List<ExpressionNode>();
            var first = DelTarget();
            if (first is null) return null;
            items.Add(first);
            while (At(TokenKind.Comma))
            {
                _p++;
                int save = _p;
                var next = DelTarget();
                if (next is null)
                {
                    _p = save;
                    break;
                }
                items.Add(next);
            }
            return new NodeList<ExpressionNode>(items.ToArray());
        }

        /// <summary>del_target: t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | del_t_atom</summary>
        private ExpressionNode? DelTarget()
        {
            Enter();
            int start = _p;
            ExpressionNode? result = null;
            var k = Kind();
            if (k == TokenKind.Name)
            {
                var e = Primary();
                if (e is Name or Attribute or Subscript) result = ToContext(e, ExprContext.Del);
                else _p = start;
            }
            else
            {
                if (k == TokenKind.LeftParen || k == TokenKind.LeftBracket || StartsAtom(k))
                {
                    var e = Primary();
                    if (e is Attribute or Subscript) result = ToContext(e, ExprContext.Del);
                    else _p = start;
                }
                if (result is null) result = StarAtom(TargetsType.Del);
            }
            Leave();
            return result;
        }
    }
}
