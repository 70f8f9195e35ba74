using System.Collections.Generic;
using System.Text;
using Attio.Generators.Common;
using Microsoft.CodeAnalysis.CSharp;

namespace Attio.Generators.Mapping;

/// <summary>One type of the chain from the outermost containing type to a mapped class, as declared (names unescaped).</summary>
internal sealed record TypePart(string Keyword, string Name, EquatableArray<string> TypeParameters);

/// <summary>
/// The names of a mapped class, formatted from its <see cref="TypePart"/>s when emitting or reporting. The generator's
/// transform re-runs for every mapped class on every edit, and Roslyn's symbol formatting there cost more than the rest
/// of it; these give what <c>ToDisplayString</c> gave with the formats the emitter used (a test compares them).
/// </summary>
internal static class TypeNames
{
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>"partial class Name&lt;T&gt;": how the emitter re-opens the type.</summary>
    public static string Declaration(TypePart part) =>
        AppendName(new StringBuilder("partial ").Append(part.Keyword).Append(' '), part, escape: true).ToString();

    /// <summary>The name and type parameters, as SymbolDisplayFormat.MinimallyQualifiedFormat shows the class in messages.</summary>
    public static string Display(EquatableArray<TypePart> types) =>
        AppendName(new StringBuilder(), types[types.Count - 1], escape: true).ToString();

    /// <summary>"global::Namespace.Outer&lt;T&gt;.Name", as SymbolDisplayFormat.FullyQualifiedFormat.</summary>
    public static string FullyQualified(string? @namespace, EquatableArray<TypePart> types)
    {
        var builder = new StringBuilder("global::");
        if (@namespace is not null)
        {
            foreach (string segment in @namespace.Split('.'))
            {
                builder.Append(Escape(segment)).Append('.');
            }
        }

        return Join(builder, types, escape: true).ToString();
    }

    /// <summary>The generated file's name: the error-message form of the class (namespace, containers, type parameters, keywords escaped) made file-safe.</summary>
    public static string HintName(string? @namespace, EquatableArray<TypePart> types)
    {
        var display = new StringBuilder();
        if (@namespace is not null)
        {
            display.Append(@namespace).Append('.');
        }

        Join(display, types, escape: true);
        var builder = new StringBuilder("Mapping.");
        foreach (char c in display.ToString())
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
        }

        return HintNames.Create(builder.ToString());
    }

    public static IEnumerable<string> ContainingDeclarations(EquatableArray<TypePart> types)
    {
        for (int i = 0; i < types.Count - 1; i++)
        {
            yield return Declaration(types[i]);
        }
    }

    private static StringBuilder Join(StringBuilder builder, EquatableArray<TypePart> types, bool escape)
    {
        for (int i = 0; i < types.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            AppendName(builder, types[i], escape);
        }

        return builder;
    }

    private static StringBuilder AppendName(StringBuilder builder, TypePart part, bool escape)
    {
        builder.Append(escape ? Escape(part.Name) : part.Name);
        if (part.TypeParameters.Count > 0)
        {
            builder.Append('<');
            for (int i = 0; i < part.TypeParameters.Count; i++)
            {
                builder.Append(i > 0 ? ", " : string.Empty).Append(escape ? Escape(part.TypeParameters[i]) : part.TypeParameters[i]);
            }

            builder.Append('>');
        }

        return builder;
    }
}
