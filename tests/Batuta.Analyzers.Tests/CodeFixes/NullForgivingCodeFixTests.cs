using Batuta.Analyzers.CodeFixes;
using Batuta.Analyzers.Rules.Nullability;
using Batuta.Analyzers.Tests.Infrastructure;

namespace Batuta.Analyzers.Tests.CodeFixes;

public class NullForgivingCodeFixTests
{
    [Fact]
    public Task Bang_becomes_a_null_check_that_throws() =>
        Verify.CodeFix<NullForgivingOperatorAnalyzer, NullForgivingCodeFixProvider>("""
            #nullable enable
            using System;

            class C
            {
                string? _name;

                int Length(string? text) => {|BATQ006:text!|}.Length;

                string Name() => {|BATQ006:_name!|};

                int Nested(C? other) => {|BATQ006:other!|}.Length("x");
            }
            """, """
            #nullable enable
            using System;

            class C
            {
                string? _name;

                int Length(string? text) => (text ?? throw new ArgumentNullException(nameof(text))).Length;

                string Name() => _name ?? throw new InvalidOperationException("'_name' was null.");

                int Nested(C? other) => (other ?? throw new ArgumentNullException(nameof(other))).Length("x");
            }
            """);

    [Fact]
    public Task Nullable_value_types_get_no_fix()
    {
        const string source = """
            #nullable enable
            class C
            {
                int? _n;
                int? M() => {|BATQ006:_n!|};
            }
            """;
        return Verify.CodeFix<NullForgivingOperatorAnalyzer, NullForgivingCodeFixProvider>(source, source);
    }
}
