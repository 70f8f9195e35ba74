using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Attio.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Attio.Generators.Mapping;

/// <summary>
/// The generator's fast path for the <c>[AttioMap]</c> members of a class. The transform re-runs for every mapped class on
/// every edit anywhere, so it reads the attributes' arguments from syntax, and a member type that is not a C# keyword from
/// the member's symbol (bound once per compilation and shared with the compiler, where a semantic model would bind the
/// type syntax again on every run). Anything it cannot read from syntax alone (a constant instead of a literal, an alias
/// in the file) makes it give up, and the caller reads the class through its symbols as the analyzer does.
/// </summary>
internal static class MemberSyntaxReader
{
    public static bool TryRead(INamedTypeSymbol type, List<(int Order, string Path, MappedMemberModel Member)> members, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration || HasAlias(declaration))
            {
                return false;
            }

            string path = declaration.SyntaxTree.FilePath;
            if (declaration is RecordDeclarationSyntax { ParameterList: { } parameters })
            {
                foreach (var parameter in parameters.Parameters)
                {
                    string name = parameter.Identifier.ValueText;
                    if (parameter.Type is null || !Read(parameter.AttributeLists, "param", "property", name, parameter.Type, type, path, members, cancellationToken))
                    {
                        return false;
                    }
                }
            }

            foreach (var member in declaration.Members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bool ok = member switch
                {
                    PropertyDeclarationSyntax property when !property.Modifiers.Any(SyntaxKind.StaticKeyword) && HasGetter(property) =>
                        Read(property.AttributeLists, "property", null, property.Identifier.ValueText, property.Type, type, path, members, cancellationToken),
                    FieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword) =>
                        ReadField(field, type, path, members, cancellationToken),
                    _ => true,
                };
                if (!ok)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool ReadField(FieldDeclarationSyntax field, INamedTypeSymbol containing, string path, List<(int, string, MappedMemberModel)> members, CancellationToken cancellationToken)
    {
        foreach (var variable in field.Declaration.Variables)
        {
            if (!Read(field.AttributeLists, "field", null, variable.Identifier.ValueText, field.Declaration.Type, containing, path, members, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the member's mappings; false when one of its [AttioMap] cannot be read from syntax.</summary>
    private static bool Read(SyntaxList<AttributeListSyntax> lists, string target, string? otherTarget, string memberName, TypeSyntax typeSyntax,
        INamedTypeSymbol containing, string path, List<(int, string, MappedMemberModel)> members, CancellationToken cancellationToken)
    {
        TypeShape? shape = null;
        foreach (var list in lists)
        {
            string? listTarget = list.Target?.Identifier.ValueText;
            if (listTarget is not null && listTarget != target && listTarget != otherTarget)
            {
                continue;
            }

            foreach (var attribute in list.Attributes)
            {
                if (!IsMap(attribute.Name))
                {
                    continue;
                }

                if (!TryArguments(attribute, out string slug, out string? objectSlug, out int whenNull, out int multiselect))
                {
                    return false;
                }

                shape ??= Shape(typeSyntax, containing, memberName);
                string access = SyntaxFacts.GetKeywordKind(memberName) != SyntaxKind.None ? "@" + memberName : memberName;
                members.Add((attribute.SpanStart, path, new MappedMemberModel(memberName, access, shape, slug, objectSlug, whenNull, multiselect, null, null)));
            }
        }

        return true;
    }

    private static TypeShape Shape(TypeSyntax syntax, INamedTypeSymbol containing, string memberName)
    {
        bool nullable = syntax is NullableTypeSyntax;
        var inner = syntax is NullableTypeSyntax n ? n.ElementType : syntax;
        if (inner is PredefinedTypeSyntax predefined && (nullable ? NullableKeywordShapes : KeywordShapes).TryGetValue(predefined.Keyword.Kind(), out var keyword))
        {
            return keyword;
        }

        // A positional record parameter reads through its property, as the symbol path does.
        var type = MemberType(containing, memberName);
        return type is null
            ? new TypeShape(ValueKind.Unresolved, syntax.ToString(), false, false, EquatableArray<string>.Empty, null)
            : MappingParser.Classify(type);
    }

    /// <summary>The type of the property or field <paramref name="memberName"/> (a positional parameter's through its property).</summary>
    public static ITypeSymbol? MemberType(INamedTypeSymbol containing, string memberName)
    {
        foreach (var member in containing.GetMembers(memberName))
        {
            switch (member)
            {
                case IPropertySymbol property:
                    return property.Type;
                case IFieldSymbol field:
                    return field.Type;
            }
        }

        return null;
    }

    // Shared instances: a keyword-typed member, the common case, allocates no shape.
    private static readonly Dictionary<SyntaxKind, TypeShape> KeywordShapes = KeywordTable(nullable: false);
    private static readonly Dictionary<SyntaxKind, TypeShape> NullableKeywordShapes = KeywordTable(nullable: true);
    private static readonly TypeShape[] AllKeywordShapes = KeywordShapes.Values.Concat(NullableKeywordShapes.Values).ToArray();

    /// <summary>
    /// True for the shape of a member typed by a C# keyword (<c>string</c>, <c>int?</c>, ...), which means the same type in
    /// every compilation; a member typed <c>String</c> is not one of these, since a project may declare its own.
    /// </summary>
    public static bool IsKeywordShape(TypeShape shape)
    {
        foreach (var keyword in AllKeywordShapes)
        {
            if (ReferenceEquals(keyword, shape))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<SyntaxKind, TypeShape> KeywordTable(bool nullable)
    {
        var keywords = new (SyntaxKind Syntax, ValueKind Kind, string Name)[]
        {
            (SyntaxKind.StringKeyword, ValueKind.String, "string"),
            (SyntaxKind.BoolKeyword, ValueKind.Boolean, "bool"),
            (SyntaxKind.SByteKeyword, ValueKind.SByte, "sbyte"),
            (SyntaxKind.ByteKeyword, ValueKind.Byte, "byte"),
            (SyntaxKind.ShortKeyword, ValueKind.Int16, "short"),
            (SyntaxKind.UShortKeyword, ValueKind.UInt16, "ushort"),
            (SyntaxKind.IntKeyword, ValueKind.Int32, "int"),
            (SyntaxKind.UIntKeyword, ValueKind.UInt32, "uint"),
            (SyntaxKind.LongKeyword, ValueKind.Int64, "long"),
            (SyntaxKind.ULongKeyword, ValueKind.UInt64, "ulong"),
            (SyntaxKind.FloatKeyword, ValueKind.Single, "float"),
            (SyntaxKind.DoubleKeyword, ValueKind.Double, "double"),
            (SyntaxKind.DecimalKeyword, ValueKind.Decimal, "decimal"),
        };
        var table = new Dictionary<SyntaxKind, TypeShape>();
        foreach (var (syntax, kind, name) in keywords)
        {
            bool isValueType = kind != ValueKind.String;
            table[syntax] = new TypeShape(kind, name, isValueType, nullable && isValueType, EquatableArray<string>.Empty, null);
        }

        return table;
    }

    private static bool IsMap(NameSyntax name)
    {
        var (right, left) = name switch
        {
            IdentifierNameSyntax identifier => (identifier.Identifier.ValueText, (NameSyntax?)null),
            QualifiedNameSyntax qualified => (qualified.Right.Identifier.ValueText, qualified.Left),
            _ => (string.Empty, null),
        };
        if (right is not ("AttioMap" or "AttioMapAttribute"))
        {
            return false;
        }

        return left is null
            || left is IdentifierNameSyntax { Identifier.ValueText: "Attio" }
            || left is AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global", Name.Identifier.ValueText: "Attio" };
    }

    private static bool TryArguments(AttributeSyntax attribute, out string slug, out string? objectSlug, out int whenNull, out int multiselect)
    {
        slug = string.Empty;
        objectSlug = null;
        whenNull = 0;
        multiselect = 0;
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        if (arguments.Count == 0 || arguments[0].NameEquals is not null || arguments[0].NameColon is not null || !TryString(arguments[0].Expression, out var first) || first is null)
        {
            return false;
        }

        slug = first;
        for (int i = 1; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            switch (argument.NameEquals?.Name.Identifier.ValueText)
            {
                case "Object" when TryString(argument.Expression, out var value):
                    objectSlug = value;
                    break;
                case "WhenNull" when Member(argument.Expression) is "Ignore" or "Clear":
                    whenNull = Member(argument.Expression) == "Clear" ? 1 : 0;
                    break;
                case "Multiselect" when Member(argument.Expression) is "Replace" or "Append":
                    multiselect = Member(argument.Expression) == "Append" ? 1 : 0;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool TryString(ExpressionSyntax expression, out string? value)
    {
        value = null;
        if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            value = literal.Token.ValueText;
            return true;
        }

        return expression.IsKind(SyntaxKind.NullLiteralExpression);
    }

    // AttioNull.Clear, Attio.AttioNull.Clear: the enum type is the property's, so the member name decides.
    private static string? Member(ExpressionSyntax expression) =>
        expression is MemberAccessExpressionSyntax access && access.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax
            ? access.Name.Identifier.ValueText
            : null;

    private static bool HasGetter(PropertyDeclarationSyntax property) =>
        property.ExpressionBody is not null || property.AccessorList?.Accessors.Any(a => a.IsKind(SyntaxKind.GetAccessorDeclaration)) == true;

    // A using alias could name AttioMap differently, or name something else AttioMap: such files take the symbol path.
    private static bool HasAlias(SyntaxNode declaration) =>
        declaration.SyntaxTree.GetRoot() is CompilationUnitSyntax unit && (HasAlias(unit.Usings) || HasAlias(unit.Members));

    private static bool HasAlias(SyntaxList<MemberDeclarationSyntax> members)
    {
        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax ns && (HasAlias(ns.Usings) || HasAlias(ns.Members)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAlias(SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is not null)
            {
                return true;
            }
        }

        return false;
    }
}
