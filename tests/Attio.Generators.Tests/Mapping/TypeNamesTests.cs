using Attio.Generators.Common;
using Attio.Generators.Mapping;
using Attio.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Attio.Generators.Tests.Mapping;

/// <summary>
/// The generator's transform keeps a mapped class's names unformatted and formats them when emitting: the results must be
/// what Roslyn's symbol formatting gave before (messages, generated declarations, hint names).
/// </summary>
public sealed class TypeNamesTests
{
    [Fact]
    public void FormattedNamesMatchRoslynsSymbolDisplay()
    {
        var compilation = GeneratorHarness.CreateCompilation("""
            using Attio;
            namespace App.Events
            {
                [AttioObject("people")] public partial class Plain { }
                public partial class Outer<TKey>
                {
                    [AttioObject("people")] public partial record struct Inner<TValue, TOther> { }
                    public partial class @class { [AttioObject("people")] internal partial record @event { } }
                }
            }
            namespace @namespace.@void { [AttioObject("people")] public partial struct Keyworded { } }
            [AttioObject("people")] public partial class Global { }
            """);
        var types = compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.GetAttributes().Any(a => a.AttributeClass?.Name == "AttioObjectAttribute")).ToList();
        Assert.Equal(5, types.Count);

        var fullyQualified = SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
            SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);
        foreach (var type in types)
        {
            var model = MappingParser.Parse(type, declaration: null, includeLocations: false, CancellationToken.None)!;
            Assert.Equal(type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), model.DisplayName);
            Assert.Equal(type.ToDisplayString(fullyQualified), model.FullyQualifiedName);
            Assert.Equal(type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(), model.Namespace);
            string stem = "Mapping." + new string(type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)
                .Select(c => char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_').ToArray());
            Assert.Equal(HintNames.Create(stem), model.HintName);
        }

        var inner = MappingParser.Parse(types.Single(t => t.Name == "Inner"), null, false, CancellationToken.None)!;
        Assert.Equal("partial record struct Inner<TValue, TOther>", inner.Declaration);
        Assert.Equal(new[] { "partial class Outer<TKey>" }, inner.ContainingDeclarations);
        var keyword = MappingParser.Parse(types.Single(t => t.Name == "event"), null, false, CancellationToken.None)!;
        Assert.Equal(new[] { "partial class Outer<TKey>", "partial class @class" }, keyword.ContainingDeclarations);
        Assert.Equal("partial record @event", keyword.Declaration);
    }
}
