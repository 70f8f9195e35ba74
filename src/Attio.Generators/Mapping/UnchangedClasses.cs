using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Attio.Generators.Mapping;

/// <summary>
/// The generator's transform runs for every mapped class on every edit anywhere in the project. A class whose declaration
/// is the same syntax node as in an earlier run (its file was not edited) gets that run's model back, once the facts that
/// can change without its file changing are checked again: the <c>[AttioObject]</c> arguments (a constant may be declared in
/// another file) and the types of members not typed by a C# keyword (a type may be declared in another file). An
/// unrelated edit then allocates next to nothing per class, which is most of what it costs.
/// </summary>
internal static class UnchangedClasses
{
    // Keyed weakly by declaration: an entry lives as long as the syntax tree that holds the node.
    private static readonly ConditionalWeakTable<SyntaxNode, Slot> Models = new();

    public static MappedClassModel? Parse(INamedTypeSymbol type, SyntaxNode declaration, ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        // Namespace, accessibility, partial and kind come from this one declaration only when it is the type's only one
        // and no containing type (with declarations of its own elsewhere) is involved.
        bool reusable = type.ContainingType is null && type.DeclaringSyntaxReferences.Length == 1;
        if (reusable && Models.TryGetValue(declaration, out var slot) && slot.Model is { } earlier && StillHolds(earlier, type, attributes))
        {
            return earlier;
        }

        var model = MappingParser.Parse(type, declaration, includeLocations: false, cancellationToken, readSyntax: true, attributes, out bool fromSyntax);
        if (reusable && fromSyntax && model is not null)
        {
            Models.GetOrCreateValue(declaration).Model = model;
        }

        return model;
    }

    private static bool StillHolds(MappedClassModel earlier, INamedTypeSymbol type, ImmutableArray<AttributeData> attributes)
    {
        if (earlier.Targets.Count != attributes.Length)
        {
            return false;
        }

        for (int i = 0; i < attributes.Length; i++)
        {
            var target = earlier.Targets[i];
            if (target.Slug != MappingParser.SlugOf(attributes[i]) || target.MatchOn != MappingParser.MatchOnOf(attributes[i]))
            {
                return false;
            }
        }

        foreach (var member in earlier.Members)
        {
            if (MemberSyntaxReader.IsKeywordShape(member.Type))
            {
                continue;
            }

            var current = MemberSyntaxReader.MemberType(type, member.MemberName);
            if (current is null || !MappingParser.Classify(current).Equals(member.Type))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Slot
    {
        private volatile MappedClassModel? model;

        public MappedClassModel? Model
        {
            get => model;
            set => model = value;
        }
    }
}
