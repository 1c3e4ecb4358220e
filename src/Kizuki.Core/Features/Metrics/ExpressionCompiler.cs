namespace Kizuki.Features.Metrics;

/// <summary>
/// Type-checks a parsed expression and turns it into a tree of small closures over <typeparamref name="TContext"/>.
/// Arithmetic, comparisons, logic and scalar functions live here; names, fields and aggregates come from the scope.
/// </summary>
/// <remarks>Compiled closures capture only other closures and constants, so evaluating them allocates nothing.</remarks>
internal sealed partial class ExpressionCompiler<TContext>(string metric, IMetricScope<TContext> scope)
    where TContext : struct
{
    public static readonly Phrase ANumber = new("a number", "数値");
    public static readonly Phrase ACondition = new("a condition such as activity.type = 'login'", "activity.type = 'login' のような条件");

    /// <summary>The metric being compiled (for error messages).</summary>
    public string Metric => metric;

    /// <summary>Compiles any expression.</summary>
    public Operand<TContext> Compile(MetricSyntax node) => node switch
    {
        NumberSyntax n => Constant(n.Value),
        BooleanSyntax b => Constant(b.Value),
        TextSyntax t => throw Error(MetricErrorKind.WrongType, t, Phrase.Quoted(t.Value),
            new Phrase("a number or a condition (a quoted text only goes on one side of = or != with a field such as activity.type)",
                "数値または条件（引用符の文字列は activity.type などの項目と = / != で比べるときだけ使えます）")),
        WindowSyntax w => throw Error(MetricErrorKind.MisplacedWindow, w, Phrase.Quoted(w.Text),
            new Phrase("a number or a condition (a window such as 30d is only the last argument of an aggregate)",
                "数値または条件（30d のような期間は集計関数の最後の引数にだけ書けます）")),
        NameSyntax name => scope.Entity(name),
        FieldSyntax field => scope.Field(field),
        NegateSyntax negate => Negate(Number(negate.Operand)),
        NotSyntax not => Not(Test(not.Operand)),
        BinarySyntax { Operator: BinaryOperator.And } and => And(Test(and.Left), Test(and.Right)),
        BinarySyntax { Operator: BinaryOperator.Or } or => Or(Test(or.Left), Test(or.Right)),
        BinarySyntax { Operator: >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual } comparison => Operand<TContext>.Of(Compare(comparison)),
        BinarySyntax arithmetic => Operand<TContext>.Of(Arithmetic(arithmetic.Operator, Number(arithmetic.Left), Number(arithmetic.Right))),
        CallSyntax call => Call(call),
        _ => throw new InvalidOperationException("unknown syntax node " + node.GetType().Name),
    };

    /// <summary>Compiles an expression that must be a number (a condition counts as 1 or 0).</summary>
    public NumberFn<TContext> Number(MetricSyntax node)
    {
        var operand = Compile(node);
        return operand.Kind switch
        {
            OperandKind.Number => operand.Number!,
            OperandKind.Condition => ToNumber(operand.Test!),
            _ => throw Error(MetricErrorKind.WrongType, node, TextFieldPhrase(node), ANumber),
        };
    }

    /// <summary>Compiles an expression that must be a condition.</summary>
    public TestFn<TContext> Test(MetricSyntax node)
    {
        var operand = Compile(node);
        return operand.Kind == OperandKind.Condition
            ? operand.Test!
            : throw Error(MetricErrorKind.WrongType, node, operand.Kind == OperandKind.Text ? TextFieldPhrase(node) : ANumber, ACondition);
    }

    /// <summary>A definition error at a node.</summary>
    public MetricDefinitionException Error(MetricErrorKind kind, MetricSyntax at, Phrase found, Phrase expected) =>
        new(kind, metric, at.Position, found, expected);

    private static Phrase TextFieldPhrase(MetricSyntax node) => node is FieldSyntax f
        ? new Phrase($"the text field {f.Text} (compare it with a quoted value, e.g. {f.Text} = '...')", $"文字列の項目 {f.Text}（{f.Text} = '...' のように比べてください）")
        : new Phrase("a text field", "文字列の項目");

    private static Operand<TContext> Constant(double value) => Operand<TContext>.Of((in TContext _) => value);

    private static Operand<TContext> Constant(bool value) => Operand<TContext>.Of((in TContext _) => value);

    private static NumberFn<TContext> ToNumber(TestFn<TContext> test) => (in TContext c) => test(c) ? 1 : 0;

    private static Operand<TContext> Negate(NumberFn<TContext> x) => Operand<TContext>.Of((in TContext c) => -x(c));

    private static Operand<TContext> Not(TestFn<TContext> x) => Operand<TContext>.Of((in TContext c) => !x(c));

    private static Operand<TContext> And(TestFn<TContext> a, TestFn<TContext> b) => Operand<TContext>.Of((in TContext c) => a(c) && b(c));

    private static Operand<TContext> Or(TestFn<TContext> a, TestFn<TContext> b) => Operand<TContext>.Of((in TContext c) => a(c) || b(c));

    private static NumberFn<TContext> Arithmetic(BinaryOperator op, NumberFn<TContext> a, NumberFn<TContext> b) => op switch
    {
        BinaryOperator.Add => (in TContext c) => a(c) + b(c),
        BinaryOperator.Subtract => (in TContext c) => a(c) - b(c),
        BinaryOperator.Multiply => (in TContext c) => a(c) * b(c),
        _ => (in TContext c) => Divide(a(c), b(c)),
    };

    /// <summary>x / 0 is NaN (unknown), never an infinity.</summary>
    internal static double Divide(double x, double y) => y == 0 ? double.NaN : x / y;

    private TestFn<TContext> Compare(BinarySyntax comparison)
    {
        var op = comparison.Operator;
        if (comparison.Left is TextSyntax || comparison.Right is TextSyntax)
        {
            var (field, text) = (comparison.Left, comparison.Right) switch
            {
                (FieldSyntax f, TextSyntax t) => (f, t),
                (TextSyntax t, FieldSyntax f) => (f, t),
                (TextSyntax t, _) => throw Error(MetricErrorKind.WrongType, t, Phrase.Quoted(t.Value), new Phrase(
                    "a text field such as activity.type on the other side of the comparison", "比較の反対側に activity.type のような文字列の項目")),
                (_, TextSyntax t) => throw Error(MetricErrorKind.WrongType, t, Phrase.Quoted(t.Value), new Phrase(
                    "a number, since the other side of the comparison is not a text field", "数値（比較の反対側が文字列の項目ではないため）")),
                _ => throw new InvalidOperationException("unreachable"),
            };
            if (op is not (BinaryOperator.Equal or BinaryOperator.NotEqual))
            {
                throw Error(MetricErrorKind.WrongType, comparison, Phrase.Quoted(OperatorText(op)), new Phrase(
                    "'=' or '!=' (texts are only compared for equality)", "'=' または '!='（文字列は等しいかどうかだけ比べられます）"));
            }

            return scope.TextTest(field, op, text);
        }

        var a = Number(comparison.Left);
        var b = Number(comparison.Right);
        return op switch
        {
            BinaryOperator.Equal => (in TContext c) => a(c) == b(c),
            BinaryOperator.NotEqual => (in TContext c) => a(c) != b(c),
            BinaryOperator.Less => (in TContext c) => a(c) < b(c),
            BinaryOperator.LessOrEqual => (in TContext c) => a(c) <= b(c),
            BinaryOperator.Greater => (in TContext c) => a(c) > b(c),
            _ => (in TContext c) => a(c) >= b(c),
        };
    }

    private static string OperatorText(BinaryOperator op) => op switch
    {
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        _ => ">=",
    };
}
