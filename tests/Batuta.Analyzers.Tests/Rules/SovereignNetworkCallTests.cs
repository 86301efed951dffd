using Batuta.Analyzers.Rules.Security;
using Batuta.Analyzers.Tests.Infrastructure;

namespace Batuta.Analyzers.Tests.Rules;

public class SovereignNetworkCallTests
{
    private const string Calls = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        class C
        {
            async Task M(HttpClient client, string url)
            {
                await {|BATQ008:client.GetStringAsync("https://api.openai.com/v1/models")|};
                await {|BATQ008:client.PostAsync(new Uri("http://10.0.0.5:8080/ingest"), null)|};
                await {|BATQ008:client.GetAsync(url)|};
                var request = {|BATQ008:new HttpRequestMessage(HttpMethod.Get, "https://example.com/")|};
                var other = new HttpClient { {|BATQ008:BaseAddress = new Uri("https://storage.example.org")|} };

                await client.GetStringAsync("http://localhost:11434/api/tags");
                await client.GetStringAsync("http://127.0.0.1:8080/");
                await client.GetStringAsync("http://[::1]:8080/");
                await client.GetStringAsync("http://model.localhost/");
                await client.GetStringAsync("/relative/path");
                var local = new HttpClient { BaseAddress = new Uri("http://localhost:5000") };
                await client.SendAsync(request);
            }
        }
        """;

    [Fact]
    public Task Remote_hosts_are_reported_in_sovereign_projects() =>
        new AnalyzerTest<SovereignNetworkCallAnalyzer>(Calls)
            .WithGlobalConfig("build_property.BatutaPrivacyTier = Sovereign")
            .RunAsync();

    [Fact]
    public Task The_tier_name_is_case_insensitive() =>
        new AnalyzerTest<SovereignNetworkCallAnalyzer>(Calls)
            .WithGlobalConfig("build_property.BatutaPrivacyTier = sovereign")
            .RunAsync();

    [Theory]
    [InlineData("build_property.BatutaPrivacyTier = Private")]
    [InlineData("build_property.BatutaPrivacyTier = ")]
    [InlineData("")]
    public Task Other_tiers_allow_network_calls(string config) =>
        new AnalyzerTest<SovereignNetworkCallAnalyzer>(StripMarkup(Calls))
            .WithGlobalConfig(config)
            .RunAsync();

    [Fact]
    public Task The_message_names_the_host() =>
        new AnalyzerTest<SovereignNetworkCallAnalyzer>("""
            class C
            {
                System.Threading.Tasks.Task<string> M(System.Net.Http.HttpClient c) => c.GetStringAsync("https://api.openai.com/v1");
            }
            """)
            .WithGlobalConfig("build_property.BatutaPrivacyTier = Sovereign")
            .Expect(Verify.Diagnostic("BATQ008", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithSpan(3, 76, 3, 121)
                .WithArguments("'api.openai.com'"))
            .RunAsync();

    private static string StripMarkup(string source)
        => System.Text.RegularExpressions.Regex.Replace(source, @"\{\|BATQ\d+:(.*?)\|\}", "$1");
}
