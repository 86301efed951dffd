using Batuta.Analyzers.CodeFixes;
using Batuta.Analyzers.Rules.Numerics;
using Batuta.Analyzers.Tests.Infrastructure;

namespace Batuta.Analyzers.Tests.CodeFixes;

public class FloatEqualityCodeFixTests
{
    [Fact]
    public Task Double_equality_becomes_a_tolerance_compare_with_a_named_constant() =>
        Verify.CodeFix<FloatEqualityAnalyzer, FloatEqualityCodeFixProvider>("""
            using System;

            class C
            {
                bool Same(double a, double b) => {|BATQ009:a == b|};
                bool Differ(double a, double b, double c) => {|BATQ009:a != b + c|};
            }
            """, """
            using System;

            class C
            {
                private const double Tolerance = 1e-9;

                bool Same(double a, double b) => Math.Abs(a - b) < Tolerance;
                bool Differ(double a, double b, double c) => Math.Abs(a - (b + c)) >= Tolerance;
            }
            """);

    [Fact]
    public Task Float_equality_uses_a_float_tolerance_and_reuses_an_existing_constant() =>
        Verify.CodeFix<FloatEqualityAnalyzer, FloatEqualityCodeFixProvider>("""
            using System;

            class C
            {
                private const float FloatTolerance = 1e-4f;

                bool Same(float a, float b)
                {
                    if ({|BATQ009:a * 2 == b|}) return true;
                    return false;
                }
            }
            """, """
            using System;

            class C
            {
                private const float FloatTolerance = 1e-4f;

                bool Same(float a, float b)
                {
                    if (Math.Abs(a * 2 - b) < FloatTolerance) return true;
                    return false;
                }
            }
            """);
}
