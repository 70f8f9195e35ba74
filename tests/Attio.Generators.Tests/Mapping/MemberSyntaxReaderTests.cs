using Attio.Generators.Mapping;
using Attio.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Attio.Generators.Tests.Mapping;

/// <summary>
/// The generator reads [AttioMap] members from syntax; the analyzer through symbols. Both must give the same model, or the
/// generator would emit something other than what the analyzer checked.
/// </summary>
public sealed class MemberSyntaxReaderTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        namespace App;
        public enum Stage { Trial, Active }
        [Attio.AttioObject("people")]
        [Attio.AttioObject("subscriptions")]
        public partial class Everything
        {
            [Attio.AttioMap("twitter", Object = "people", WhenNull = Attio.AttioNull.Clear)] public string? Twitter { get; set; }
            [global::Attio.AttioMapAttribute("seats")] public int? Seats { get; init; }
            [Attio.AttioMap("mrr")] public decimal Mrr;
            [Attio.AttioMap("region")] public Uri? Region, Backup;
            [Attio.AttioMap("features", Multiselect = Attio.AttioMultiselect.Append)] public List<string> Features { get; } = new();
            [Attio.AttioMap("stage")] public Stage? Stage { get; set; }
            [Attio.AttioMap("started_on")] public DateOnly Started { get; set; }
            [Attio.AttioMap("auto_renew")] public bool @class { get; set; }
            [property: Attio.AttioMap("billing_email")] public string Billing => "";
            [field: Attio.AttioMap("signatory")] public string? Ignored { get; set; }
            [Attio.AttioMap("health_score")] public static int Static { get; set; }
            [Attio.AttioMap("plan")] public string? Plan { set { } }
            [Attio.AttioMap("a"), Attio.AttioMap("b")] public object? Twice { get; set; }
            public string? Unmapped { get; set; }
        }
        [Attio.AttioObject("people")]
        public partial record Positional(
            [Attio.AttioMap("twitter")] string? Twitter,
            [property: Attio.AttioMap("linkedin")] string? LinkedIn,
            [param: Attio.AttioMap("facebook")] double Score,
            [Attio.AttioMap("stage")] Stage? Stage,
            [Attio.AttioMap("started_on")] DateOnly Started);
        """;

    [Fact]
    public void SyntaxAndSymbolsGiveTheSameModel()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        foreach (string name in new[] { "App.Everything", "App.Positional" })
        {
            var type = compilation.GetTypeByMetadataName(name)!;
            var members = new List<(int, string, MappedMemberModel)>();
            Assert.True(MemberSyntaxReader.TryRead(type, members, CancellationToken.None), name);
            Assert.NotEmpty(members);

            var fromSymbols = MappingParser.Parse(type, null, includeLocations: false, CancellationToken.None);
            var fromSyntax = MappingParser.Parse(type, null, includeLocations: false, CancellationToken.None, readSyntax: true);
            Assert.Equal(fromSymbols!.Members.ToList(), fromSyntax!.Members.ToList());
            Assert.Equal(fromSymbols, fromSyntax);
        }
    }

    [Theory]
    [InlineData("using Map = Attio.AttioMapAttribute;\n[Attio.AttioObject(\"people\")] public partial class A { [Map(\"twitter\")] public string? T { get; set; } }")]
    [InlineData("[Attio.AttioObject(\"people\")] public partial class A { const string Slug = \"twitter\"; [Attio.AttioMap(Slug)] public string? T { get; set; } }")]
    [InlineData("[Attio.AttioObject(\"people\")] public partial class A { [Attio.AttioMap(\"twitter\", WhenNull = (Attio.AttioNull)1)] public string? T { get; set; } }")]
    public void WhatSyntaxCannotReadFallsBackToSymbols(string source)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        var type = compilation.GetTypeByMetadataName("A")!;
        Assert.False(MemberSyntaxReader.TryRead(type, new List<(int, string, MappedMemberModel)>(), CancellationToken.None));

        var parsed = MappingParser.Parse(type, null, includeLocations: false, CancellationToken.None, readSyntax: true)!;
        var member = Assert.Single(parsed.Members);
        Assert.Equal("twitter", member.Slug);
    }
}
