using System.Text;
using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Model;
using static Batuta.Transpiler.Mapping.NumpyTypes;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>What an estimator does, which decides its methods and what predict returns.</summary>
    internal enum EstimatorRole { Classifier, Regressor, Transformer, Cluster, Outlier }

    /// <summary>One scikit-learn estimator class and the Batuta.ML class that replaces it.</summary>
    internal sealed class EstimatorSpec
    {
        public EstimatorSpec(string python, string csType, EstimatorRole role, string hyperparameters, string notes, params (string Attr, string Template, Func<PyType> Type)[] attributes)
        {
            Python = python;
            CsType = csType;
            Role = role;
            Constructor = new LibraryRow(python + "(" + hyperparameters + ")", "new " + csType + "{props}", _ => PyType.Class(python), notes);
            Attributes = attributes;
        }

        public string Python { get; }
        public string CsType { get; }
        public EstimatorRole Role { get; }
        public LibraryRow Constructor { get; }
        public (string Attr, string Template, Func<PyType> Type)[] Attributes { get; }
        public string Leaf => Python.Substring(Python.LastIndexOf('.') + 1);
    }

    /// <summary>
    /// scikit-learn → Batuta.ML. Estimators keep their hyperparameter names (set as properties of the Batuta.ML
    /// class), arrays cross as float64 tensors, and a classifier remembers the dtype of the y it was fitted on
    /// (Sk.Fitted), so predict() returns int labels for int targets as scikit-learn does.
    /// </summary>
    internal static class Sklearn
    {
        private static Func<PyType> T(PyType t) => () => t;
        private static readonly Func<PyType> F1 = T(Array("float64", 1)), F2 = T(Array("float64", 2)), Fl = T(PyType.Float), In = T(PyType.Int);
        private static readonly (string, string, Func<PyType>) NFeaturesIn = ("n_features_in_", "new PyInt({self}.NFeaturesIn)", In);
        private static readonly (string, string, Func<PyType>) Classes = ("classes_", "Sk.Labels({self}, {self}.Classes)", T(Array("?", 1)));
        private static readonly (string, string, Func<PyType>) Importances = ("feature_importances_", "NdArray.From({self}.FeatureImportances)", F1);

        private const string TreeParams = "max_depth:optint=None, min_samples_split:size=2, min_samples_leaf:size=1, min_weight_fraction_leaf:float=0.0, max_features:size=None, random_state:optint=None, max_leaf_nodes:optint=None, min_impurity_decrease:float=0.0, ccp_alpha:float=0.0";

        public static readonly EstimatorSpec[] Estimators =
        {
            new("sklearn.linear_model.LinearRegression", "Batuta.ML.LinearModel.LinearRegression", EstimatorRole.Regressor,
                "fit_intercept:bool=True, copy_X:bool=True, n_jobs:optint=None, positive:bool=False", "least squares by QR (LAPACK's gelsd in scikit-learn: equal to rounding)",
                ("coef_", "NdArray.From({self}.Coef)", F1), ("intercept_", "{self}.Intercept", Fl), NFeaturesIn),
            new("sklearn.linear_model.Ridge", "Batuta.ML.LinearModel.Ridge", EstimatorRole.Regressor,
                "alpha:float=1.0, fit_intercept:bool=True, copy_X:bool=True, max_iter:optint=None, tol:float=0.0001, solver:str='auto', positive:bool=False, random_state:optint=None", "Cholesky on the normal equations, as scikit-learn's 'auto' for dense data",
                ("coef_", "NdArray.From({self}.Coef)", F1), ("intercept_", "{self}.Intercept", Fl), NFeaturesIn),
            new("sklearn.linear_model.Lasso", "Batuta.ML.LinearModel.Lasso", EstimatorRole.Regressor,
                "alpha:float=1.0, fit_intercept:bool=True, precompute:bool=False, copy_X:bool=True, max_iter:int=1000, tol:float=0.0001, warm_start:bool=False, positive:bool=False, random_state:optint=None, selection:str='cyclic'", "coordinate descent with scikit-learn's duality-gap stopping rule",
                ("coef_", "NdArray.From({self}.Coef)", F1), ("intercept_", "{self}.Intercept", Fl), ("n_iter_", "new PyInt({self}.NIter)", In), NFeaturesIn),
            new("sklearn.linear_model.ElasticNet", "Batuta.ML.LinearModel.ElasticNet", EstimatorRole.Regressor,
                "alpha:float=1.0, l1_ratio:float=0.5, fit_intercept:bool=True, precompute:bool=False, max_iter:int=1000, copy_X:bool=True, tol:float=0.0001, warm_start:bool=False, positive:bool=False, random_state:optint=None, selection:str='cyclic'", "coordinate descent",
                ("coef_", "NdArray.From({self}.Coef)", F1), ("intercept_", "{self}.Intercept", Fl), ("n_iter_", "new PyInt({self}.NIter)", In), NFeaturesIn),
            new("sklearn.linear_model.LogisticRegression", "Batuta.ML.LinearModel.LogisticRegression", EstimatorRole.Classifier,
                "penalty:str='l2', dual:bool=False, tol:float=0.0001, C:float=1.0, fit_intercept:bool=True, intercept_scaling:float=1, class_weight:str=None, random_state:optint=None, solver:str='lbfgs', max_iter:int=100, multi_class:str='auto', verbose:int=0, warm_start:bool=False, n_jobs:optint=None, l1_ratio:optfloat=None",
                "lbfgs replays SciPy's L-BFGS-B on scikit-learn's objective; coefficients agree to scikit-learn's tolerance (print them rounded)",
                ("coef_", "NdArray.From({self}.Coef)", F2), ("intercept_", "NdArray.From({self}.Intercept)", F1), ("n_iter_", "NdArray.From({self}.NIter)", T(Array("int32", 1))), Classes, NFeaturesIn),
            new("sklearn.tree.DecisionTreeClassifier", "Batuta.ML.Tree.DecisionTreeClassifier", EstimatorRole.Classifier,
                "criterion:str='gini', splitter:str='best', " + TreeParams + ", class_weight:str=None", "CART as scikit-learn builds it (same splitter random stream)",
                Importances, Classes, NFeaturesIn),
            new("sklearn.tree.DecisionTreeRegressor", "Batuta.ML.Tree.DecisionTreeRegressor", EstimatorRole.Regressor,
                "criterion:str='squared_error', splitter:str='best', " + TreeParams, "CART", Importances, NFeaturesIn),
            new("sklearn.ensemble.RandomForestClassifier", "Batuta.ML.Ensemble.RandomForestClassifier", EstimatorRole.Classifier,
                "n_estimators:int=100, criterion:str='gini', max_depth:optint=None, min_samples_split:size=2, min_samples_leaf:size=1, min_weight_fraction_leaf:float=0.0, max_features:size='sqrt', max_leaf_nodes:optint=None, min_impurity_decrease:float=0.0, bootstrap:bool=True, oob_score:bool=False, n_jobs:optint=None, random_state:optint=None, verbose:int=0, warm_start:bool=False, class_weight:str=None, ccp_alpha:float=0.0, max_samples:size=None",
                "scikit-learn's seeds and bootstraps; trees fitted in parallel", Importances, ("oob_score_", "{self}.OobScore", Fl), Classes, NFeaturesIn),
            new("sklearn.ensemble.RandomForestRegressor", "Batuta.ML.Ensemble.RandomForestRegressor", EstimatorRole.Regressor,
                "n_estimators:int=100, criterion:str='squared_error', max_depth:optint=None, min_samples_split:size=2, min_samples_leaf:size=1, min_weight_fraction_leaf:float=0.0, max_features:size=1.0, max_leaf_nodes:optint=None, min_impurity_decrease:float=0.0, bootstrap:bool=True, oob_score:bool=False, n_jobs:optint=None, random_state:optint=None, verbose:int=0, warm_start:bool=False, ccp_alpha:float=0.0, max_samples:size=None",
                "", Importances, ("oob_score_", "{self}.OobScore", Fl), NFeaturesIn),
            new("sklearn.ensemble.GradientBoostingClassifier", "Batuta.ML.Ensemble.GradientBoostingClassifier", EstimatorRole.Classifier,
                "loss:str='log_loss', learning_rate:float=0.1, n_estimators:int=100, subsample:float=1.0, criterion:str='friedman_mse', min_samples_split:size=2, min_samples_leaf:size=1, min_weight_fraction_leaf:float=0.0, max_depth:optint=3, min_impurity_decrease:float=0.0, random_state:optint=None, max_features:size=None, verbose:int=0, max_leaf_nodes:optint=None, warm_start:bool=False, validation_fraction:float=0.1, n_iter_no_change:optint=None, tol:float=0.0001, ccp_alpha:float=0.0",
                "binomial/multinomial deviance", Importances, Classes, NFeaturesIn),
            new("sklearn.ensemble.GradientBoostingRegressor", "Batuta.ML.Ensemble.GradientBoostingRegressor", EstimatorRole.Regressor,
                "loss:str='squared_error', learning_rate:float=0.1, n_estimators:int=100, subsample:float=1.0, criterion:str='friedman_mse', min_samples_split:size=2, min_samples_leaf:size=1, min_weight_fraction_leaf:float=0.0, max_depth:optint=3, min_impurity_decrease:float=0.0, random_state:optint=None, max_features:size=None, alpha:float=0.9, verbose:int=0, max_leaf_nodes:optint=None, warm_start:bool=False, validation_fraction:float=0.1, n_iter_no_change:optint=None, tol:float=0.0001, ccp_alpha:float=0.0",
                "squared error", Importances, NFeaturesIn),
            new("sklearn.ensemble.IsolationForest", "Batuta.ML.Ensemble.IsolationForest", EstimatorRole.Outlier,
                "n_estimators:int=100, max_samples:size=None, contamination:optfloat=None, max_features:float=1.0, bootstrap:bool=False, n_jobs:optint=None, random_state:optint=None, verbose:int=0, warm_start:bool=False",
                "predict gives 1 (inlier) / -1 (outlier) as int64", NFeaturesIn),
            new("sklearn.cluster.KMeans", "Batuta.ML.Cluster.KMeans", EstimatorRole.Cluster,
                "n_clusters:int=8, init:str='k-means++', n_init:optint=None, max_iter:int=300, tol:float=0.0001, verbose:int=0, random_state:optint=None, copy_x:bool=True, algorithm:str='lloyd'",
                "k-means++ and Lloyd as scikit-learn 1.2 (n_init=10 unless given)",
                ("cluster_centers_", "NdArray.From({self}.ClusterCenters)", F2), ("labels_", "NdArray.From({self}.Labels)", T(Array("int32", 1))), ("inertia_", "{self}.Inertia", Fl), ("n_iter_", "new PyInt({self}.NIter)", In), NFeaturesIn),
            new("sklearn.cluster.DBSCAN", "Batuta.ML.Cluster.DBSCAN", EstimatorRole.Cluster,
                "eps:float=0.5, min_samples:int=5, metric:str='euclidean', algorithm:str='auto', leaf_size:int=30, p:optfloat=None, n_jobs:optint=None", "k-d tree neighbourhoods",
                ("labels_", "NdArray.From({self}.Labels)", T(Array("int64", 1))), NFeaturesIn),
            new("sklearn.neighbors.KNeighborsClassifier", "Batuta.ML.Neighbors.KNeighborsClassifier", EstimatorRole.Classifier,
                "n_neighbors:int=5, weights:str='uniform', algorithm:str='auto', leaf_size:int=30, p:float=2, metric:str='minkowski', n_jobs:optint=None", "", Classes, NFeaturesIn),
            new("sklearn.neighbors.KNeighborsRegressor", "Batuta.ML.Neighbors.KNeighborsRegressor", EstimatorRole.Regressor,
                "n_neighbors:int=5, weights:str='uniform', algorithm:str='auto', leaf_size:int=30, p:float=2, metric:str='minkowski', n_jobs:optint=None", "", NFeaturesIn),
            new("sklearn.preprocessing.StandardScaler", "Batuta.ML.Preprocessing.StandardScaler", EstimatorRole.Transformer,
                "copy:bool=True, with_mean:bool=True, with_std:bool=True", "mean and variance in numpy's summation order",
                ("mean_", "NdArray.From({self}.Mean!)", F1), ("scale_", "NdArray.From({self}.Scale!)", F1), ("var_", "NdArray.From({self}.Var!)", F1), NFeaturesIn),
            new("sklearn.preprocessing.MinMaxScaler", "Batuta.ML.Preprocessing.MinMaxScaler", EstimatorRole.Transformer,
                "copy:bool=True, clip:bool=False", "feature_range (0, 1)",
                ("data_min_", "NdArray.From({self}.DataMin)", F1), ("data_max_", "NdArray.From({self}.DataMax)", F1), ("scale_", "NdArray.From({self}.Scale)", F1), NFeaturesIn),
            new("sklearn.preprocessing.OneHotEncoder", "Batuta.ML.Preprocessing.OneHotEncoder", EstimatorRole.Transformer,
                "drop:str=None, sparse_output:bool=True, handle_unknown:str='error'", "numeric categories; dense output (pass sparse_output=False, as scikit-learn's dense form)", NFeaturesIn),
        };

        private static readonly Dictionary<string, EstimatorSpec> SpecByName = Estimators.ToDictionary(e => e.Python, StringComparer.Ordinal);
        private static readonly Dictionary<string, EstimatorSpec> SpecByLeaf = Estimators.GroupBy(e => e.Leaf).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public const string PipelineType = "sklearn.pipeline.Pipeline";
        public const string GenericType = "sklearn.base.BaseEstimator";
        public const string StepsType = "sklearn.pipeline.Steps";
        public const string FoldsType = "sklearn.model_selection.KFold";
        public const string LabelEncoderType = "sklearn.preprocessing.LabelEncoder";

        /// <summary>The Batuta.ML class of a scikit-learn type name, for declarations.</summary>
        public static string? CsType(string name)
        {
            if (name.StartsWith(PipelineType, StringComparison.Ordinal)) return "Batuta.ML.Pipelines.Pipeline";
            if (name == GenericType) return "Batuta.ML.Estimator";
            if (name.StartsWith(StepsType, StringComparison.Ordinal)) return "IReadOnlyList<(string Name, Batuta.ML.Estimator? Estimator)>";
            if (name == FoldsType || name == "sklearn.model_selection.StratifiedKFold") return "SkFolds";
            if (name == LabelEncoderType) return "SkLabelEncoder";
            return SpecByName.TryGetValue(name, out var s) ? s.CsType : null;
        }

        public static EstimatorSpec? Spec(PyType t) => t.Kind == TypeKind.Class && SpecByName.TryGetValue(t.Name.OrThrow(), out var s) ? s : null;

        /// <summary>The step types of a pipeline type (sklearn.pipeline.Pipeline&lt;a|b|c&gt;).</summary>
        public static List<PyType> PipelineSteps(PyType t)
        {
            var name = t.Name ?? "";
            int lt = name.IndexOf('<');
            if (lt < 0) return new List<PyType>();
            return name.Substring(lt + 1, name.Length - lt - 2).Split('|').Select(PyType.Class).ToList();
        }

        private static PyType Pipeline(IEnumerable<PyType> steps)
        {
            var list = steps.ToList();
            if (list.Any(s => !IsLibrary(s) || s.Name.OrThrow().Contains('<'))) return PyType.Class(PipelineType);
            return PyType.Class(PipelineType + "<" + string.Join("|", list.Select(s => s.Name)) + ">");
        }

        /// <summary>The role that decides predict's result: a pipeline's final step, an estimator's own role.</summary>
        public static EstimatorRole? Role(PyType t)
        {
            if (Spec(t) is { } s) return s.Role;
            if (t.Kind == TypeKind.Class && t.Name.OrThrow().StartsWith(PipelineType, StringComparison.Ordinal))
                return PipelineSteps(t).LastOrDefault() is { } last ? Role(last) : null;
            return null;
        }

        public static bool IsEstimator(PyType t) => Spec(t) is not null || t.Kind == TypeKind.Class && (t.Name.OrThrow().StartsWith(PipelineType, StringComparison.Ordinal) || t.Name == GenericType);

        /// <summary>Join of two estimator types: a common pipeline or the generic estimator.</summary>
        public static string? Join(string a, string b)
        {
            var ta = PyType.Class(a);
            var tb = PyType.Class(b);
            if (IsEstimator(ta) && IsEstimator(tb)) return a.StartsWith(PipelineType, StringComparison.Ordinal) && b.StartsWith(PipelineType, StringComparison.Ordinal) ? PipelineType : GenericType;
            return null;
        }

        // ---- module functions ----

        private static Func<LibraryCall, PyType> R(PyType t) => _ => t;

        private static readonly LibraryRow[] FunctionRows =
        {
            new("sklearn.model_selection.train_test_split(*arrays, test_size:size=None, train_size:size=None, random_state:optint=None, shuffle:bool=True, stratify:labels=None)",
                "Sk.TrainTestSplit(n => Batuta.ML.ModelSelection.TrainTestIndices(n, {test_size}, {train_size}, {random_state}, {shuffle}, {stratify}), {*arrays})",
                c => PyType.Tuple(c.Rest.SelectMany(n => new[] { Numpy.ArrayOf(c.Emitter.Expr(n).Type), Numpy.ArrayOf(c.Emitter.Expr(n).Type) }).ToArray()),
                "scikit-learn's ShuffleSplit / StratifiedShuffleSplit on numpy's MT19937 stream: the same rows land in the same split"),
            new("sklearn.model_selection.cross_val_score(estimator:estimator, X:array, y:array=None, scoring:str=None, cv:int=5)",
                "NdArray.From(Batuta.ML.ModelSelection.CrossValScore({estimator}, Sk.X({X}), Sk.Y({y}), {scoring}, (int){cv}))", R(Array("float64", 1)),
                "KFold (StratifiedKFold for classifiers) without shuffling, as scikit-learn", c => !c.Has("cv") || c.Type("cv").Kind == TypeKind.Int),
            new("sklearn.model_selection.cross_val_score(estimator:estimator, X:array, y:array=None, scoring:str=None, cv:any=5)",
                "NdArray.From(Sk.CrossVal({cv}, __k => Batuta.ML.ModelSelection.CrossValScore({estimator}, Sk.X({X}), Sk.Y({y}), {scoring}, __k), " +
                "__f => Batuta.ML.ModelSelection.CrossValScore({estimator}, Sk.X({X}), Sk.Y({y}), __f.Stratified ? Batuta.ML.Splitters.StratifiedKFold(Sk.Y({y})!, __f.NSplits, __f.Shuffle, __f.RandomState) : Batuta.ML.Splitters.KFold(Sk.Rows({X}), __f.NSplits, __f.Shuffle, __f.RandomState), {scoring})))", R(Array("float64", 1)),
                "cv=KFold(...)/StratifiedKFold(...): that splitter's folds"),
            new("sklearn.model_selection.KFold(n_splits:int=5, shuffle:bool=False, random_state:optint=None)", "new SkFolds((int){n_splits}, {shuffle}, {random_state}, false)", R(PyType.Class(FoldsType)), ""),
            new("sklearn.model_selection.StratifiedKFold(n_splits:int=5, shuffle:bool=False, random_state:optint=None)", "new SkFolds((int){n_splits}, {shuffle}, {random_state}, true)", R(PyType.Class("sklearn.model_selection.StratifiedKFold")), ""),
            new("sklearn.preprocessing.LabelEncoder()", "new SkLabelEncoder()", R(PyType.Class(LabelEncoderType)), "labels (strings or numbers) to their index among the sorted distinct labels, and back"),
            new("sklearn.pipeline.make_pipeline(*steps)", "Batuta.ML.Pipelines.PipelineFactory.MakePipeline({*})", c => Pipeline(c.Rest.Select(n => c.Emitter.Expr(n).Type)), "steps named after their lower-cased class names, as scikit-learn"),
            new("sklearn.pipeline.Pipeline(steps:steps)", "new Batuta.ML.Pipelines.Pipeline({steps})", c => Pipeline(StepTypes(c)), "a list of (name, estimator) tuples"),
            new("sklearn.metrics.accuracy_score(y_true:array, y_pred:array, normalize:bool=True)", "new PyInt((long)Sk.With({y_true}, {y_pred}, (__t, __p, __l) => Batuta.ML.Metrics.AccuracyScore(__t, __p, false)))", R(PyType.Int), "normalize=False: the number of correct predictions (an int)", c => c.Node("normalize") is Constant { Value: false }),
            new("sklearn.metrics.accuracy_score(y_true:array, y_pred:array, normalize:bool=True)", "Sk.With({y_true}, {y_pred}, (__t, __p, __l) => Batuta.ML.Metrics.AccuracyScore(__t, __p, {normalize}))", R(PyType.Float), "the fraction of correct predictions; string labels compared as labels"),
            new("sklearn.metrics.precision_score(y_true:array, y_pred:array, pos_label:any=1, average:str='binary')", "Sk.With({y_true}, {y_pred}, (__t, __p, __l) => Batuta.ML.Metrics.PrecisionScore(__t, __p, null, __l.Pos({pos_label}, {average}), {average}))", R(PyType.Float), "zero_division as scikit-learn's 'warn' (0.0); pos_label a number or a string label"),
            new("sklearn.metrics.recall_score(y_true:array, y_pred:array, pos_label:any=1, average:str='binary')", "Sk.With({y_true}, {y_pred}, (__t, __p, __l) => Batuta.ML.Metrics.RecallScore(__t, __p, null, __l.Pos({pos_label}, {average}), {average}))", R(PyType.Float), ""),
            new("sklearn.metrics.f1_score(y_true:array, y_pred:array, pos_label:any=1, average:str='binary')", "Sk.With({y_true}, {y_pred}, (__t, __p, __l) => Batuta.ML.Metrics.F1Score(__t, __p, null, __l.Pos({pos_label}, {average}), {average}))", R(PyType.Float), ""),
            new("sklearn.metrics.confusion_matrix(y_true:array, y_pred:array)", "NdArray.From(Sk.With({y_true}, {y_pred}, (__t, __p, __l) => Batuta.ML.Metrics.ConfusionMatrix(__t, __p)))", R(Array("int64", 2)), "rows: true labels in sorted order"),
            new("sklearn.metrics.classification_report(y_true:array, y_pred:array, target_names:any=None, digits:int=2)", "Sk.With({y_true}, {y_pred}, (__t, __p, __l) => Batuta.ML.Metrics.ClassificationReport(__t, __p, null, Sk.Names({target_names}) ?? __l.Names, null, (int){digits}))", R(PyType.Str), "scikit-learn's text layout; rows named by target_names, the string labels, or the numbers"),
            new("sklearn.metrics.r2_score(y_true:array, y_pred:array)", "Batuta.ML.Metrics.R2Score(Sk.Y({y_true})!, Sk.Y({y_pred})!)", R(PyType.Float), ""),
            new("sklearn.metrics.mean_squared_error(y_true:array, y_pred:array, squared:bool=True)", "Batuta.ML.Metrics.MeanSquaredError(Sk.Y({y_true})!, Sk.Y({y_pred})!, null, {squared})", R(PyType.Float), "numpy's average (pairwise sums)"),
            new("sklearn.metrics.mean_absolute_error(y_true:array, y_pred:array)", "Batuta.ML.Metrics.MeanAbsoluteError(Sk.Y({y_true})!, Sk.Y({y_pred})!)", R(PyType.Float), ""),
            new("sklearn.metrics.roc_auc_score(y_true:array, y_score:array)", "Batuta.ML.Metrics.RocAucScore(Sk.Y({y_true})!, Sk.Y({y_score})!)", R(PyType.Float), "binary targets: y_score is the greater label's score (predict_proba(X)[:, 1])"),
            new("sklearn.metrics.log_loss(y_true:array, y_pred:array)", "Batuta.ML.Metrics.LogLoss(Sk.Y({y_true})!, Sk.Y({y_pred})!)", R(PyType.Float), "y_pred: (n, n_classes) probabilities, or the greater label's (n,); clipped as scikit-learn 1.2"),
            new("sklearn.metrics.silhouette_samples(X:array, labels:array)", "NdArray.From(Batuta.ML.Metrics.SilhouetteSamples(Sk.X({X}), Sk.Y({labels})!))", R(Array("float64", 1)), "euclidean"),
            new("sklearn.metrics.silhouette_score(X:array, labels:array)", "Batuta.ML.Metrics.SilhouetteScore(Sk.X({X}), Sk.Y({labels})!)", R(PyType.Float), "euclidean"),
        };

        private static IEnumerable<PyType> StepTypes(LibraryCall c)
        {
            if (c.Node("steps") is List l)
                foreach (var item in l.Elts)
                    if (item is Tuple { Elts.Count: 2 } t) yield return c.Emitter.Expr(t.Elts[1]).Type;
        }

        /// <summary>Pipeline([("scale", StandardScaler()), ...]) → an array of (name, estimator) value tuples.</summary>
        public static string StepsCode(Emitter e, ExpressionNode node)
        {
            if (node is List l && l.Elts.All(x => x is Tuple { Elts.Count: 2 }))
            {
                var items = l.Elts.Cast<Tuple>().Select(t => $"({e.CoerceTo(e.Expr(t.Elts[0]), PyType.Str).Code}, (Batuta.ML.Estimator?){e.Expr(t.Elts[1]).Code})");
                return "new (string, Batuta.ML.Estimator?)[] { " + string.Join(", ", items) + " }";
            }
            return $"Sk.Steps({Emitter.BoxOf(e.Expr(node))})";
        }

        // ---- estimator methods, by role ----

        private static readonly LibraryRow[] MethodRows =
        {
            new("classifier.fit(X:array, y:array, sample_weight:any=None)", "Sk.Fitted({self}.Fit(Sk.X({X}), Sk.Y({y}), Sk.W({sample_weight})), {y})", c => c.SelfType, "remembers y's dtype: predict returns labels of that dtype"),
            new("regressor.fit(X:array, y:array, sample_weight:any=None)", "{self}.Fit(Sk.X({X}), Sk.Y({y}), Sk.W({sample_weight}))", c => c.SelfType, ""),
            new("transformer.fit(X:array, y:any=None)", "{self}.Fit(Sk.X({X}))", c => c.SelfType, ""),
            new("cluster.fit(X:array, y:any=None, sample_weight:any=None)", "{self}.Fit(Sk.X({X}), null, Sk.W({sample_weight}))", c => c.SelfType, ""),
            new("outlier.fit(X:array, y:any=None)", "{self}.Fit(Sk.X({X}))", c => c.SelfType, ""),
            new("pipeline.fit(X:array, y:array=None)", "Sk.Fitted({self}.Fit(Sk.X({X}), Sk.Y({y})), {y}, {self}.FinalEstimator is Batuta.ML.IClassifier)", c => c.SelfType, "transformers then the final estimator"),
            new("classifier.predict(X:array)", "Sk.Labels({self}, {self}.Predict(Sk.X({X})))", _ => Array(Unknown, 1), "labels in the dtype of the fitted y (known at run time only)"),
            new("regressor.predict(X:array)", "NdArray.From({self}.Predict(Sk.X({X})))", _ => Array("float64", 1), ""),
            new("cluster.predict(X:array)", "NdArray.From({self}.Predict(Sk.X({X})))", _ => Array("int32", 1), "cluster indices (int32, as scikit-learn)"),
            new("outlier.predict(X:array)", "NdArray.From({self}.Predict(Sk.X({X})))", _ => Array("int64", 1), "1 inlier, -1 outlier"),
            new("pipeline.predict(X:array)", "Sk.Labels({self}, {self}.Predict(Sk.X({X})))", c => Array(Role(c.SelfType) is EstimatorRole.Regressor ? "float64" : Unknown, 1), "the final estimator's predict on the transformed X"),
            new("classifier.predict_proba(X:array)", "NdArray.From({self}.PredictProba(Sk.X({X})))", _ => Array("float64", 2), "columns in classes_ order"),
            new("pipeline.predict_proba(X:array)", "NdArray.From({self}.PredictProba(Sk.X({X})))", _ => Array("float64", 2), ""),
            new("classifier.predict_log_proba(X:array)", "NdArray.From({self}.PredictLogProba(Sk.X({X})))", _ => Array("float64", 2), ""),
            new("classifier.score(X:array, y:array)", "{self}.Score(Sk.X({X}), Sk.YFor({self}, {y})!)", _ => PyType.Float, "mean accuracy"),
            new("regressor.score(X:array, y:array)", "{self}.Score(Sk.X({X}), Sk.Y({y})!)", _ => PyType.Float, "R²"),
            new("pipeline.score(X:array, y:array)", "{self}.Score(Sk.X({X}), Sk.YFor({self}, {y})!)", _ => PyType.Float, ""),
            new("cluster.score(X:array)", "{self}.Score(Sk.X({X}))", _ => PyType.Float, "negative inertia"),
            new("transformer.transform(X:array)", "NdArray.From({self}.Transform(Sk.X({X})))", _ => Array("float64", 2), ""),
            new("transformer.fit_transform(X:array, y:any=None)", "NdArray.From({self}.FitTransform(Sk.X({X})))", _ => Array("float64", 2), ""),
            new("transformer.inverse_transform(X:array)", "NdArray.From({self}.InverseTransform(Sk.X({X})))", _ => Array("float64", 2), ""),
            new("cluster.transform(X:array)", "NdArray.From({self}.Transform(Sk.X({X})))", _ => Array("float64", 2), "distances to the centres"),
            new("pipeline.transform(X:array)", "NdArray.From({self}.Transform(Sk.X({X})))", _ => Array("float64", 2), ""),
            new("pipeline.fit_transform(X:array, y:any=None)", "NdArray.From({self}.FitTransform(Sk.X({X}), Sk.Y({y})))", _ => Array("float64", 2), ""),
            new("cluster.fit_predict(X:array, y:any=None)", "NdArray.From({self}.FitPredict(Sk.X({X})))", c => Array(c.SelfType.Name == "sklearn.cluster.DBSCAN" ? "int64" : "int32", 1), ""),
            new("outlier.fit_predict(X:array, y:any=None)", "NdArray.From({self}.FitPredict(Sk.X({X})))", _ => Array("int64", 1), ""),
            new("outlier.decision_function(X:array)", "NdArray.From({self}.DecisionFunction(Sk.X({X})))", _ => Array("float64", 1), ""),
            new("outlier.score_samples(X:array)", "NdArray.From({self}.ScoreSamples(Sk.X({X})))", _ => Array("float64", 1), ""),
            new("estimator.get_params()", "Sk.Params({self}.GetParams(false))", _ => PyType.Dict(PyType.Str, PyType.Object), ""),
            new("estimator.fit(X:array, y:array=None)", "Sk.Fitted({self}.Fit(Sk.X({X}), Sk.Y({y})), {y}, {self} is Batuta.ML.IClassifier)", c => c.SelfType, "an estimator whose class varies (a list of models): dispatch at run time"),
            new("estimator.predict(X:array)", "Sk.Labels({self}, ((Batuta.ML.IPredictor){self}).Predict(Sk.X({X})))", _ => Array("?", 1), ""),
            new("estimator.predict_proba(X:array)", "NdArray.From(((Batuta.ML.IClassifier){self}).PredictProba(Sk.X({X})))", _ => Array("float64", 2), ""),
            new("estimator.transform(X:array)", "NdArray.From(((Batuta.ML.ITransformer){self}).Transform(Sk.X({X})))", _ => Array("float64", 2), ""),
            new("estimator.score(X:array, y:array)", "({self} switch {{ Batuta.ML.IClassifier __c => __c.Score(Sk.X({X}), Sk.YFor({self}, {y})!), var __r => ((Batuta.ML.IRegressor)__r).Score(Sk.X({X}), Sk.Y({y})!) }})", _ => PyType.Float, "accuracy for classifiers, R² for regressors"),
            new("pipeline.steps", "{self}.Steps", c => PyType.Class(StepsType + "<" + string.Join("|", PipelineSteps(c.SelfType).Select(s => s.Name)) + ">"), "a list of (name, estimator) pairs; model.steps[-1][1] is the final estimator"),
            new("pipeline.classes_", "Sk.Labels({self}, {self}.Classes)", _ => Array(Unknown, 1), "the final classifier's classes_, in the fitted labels' dtype"),
            new("pipeline.named_steps", "{self}.NamedSteps", _ => PyType.Dict(PyType.Str, PyType.Class(GenericType)), ""),
            new("labelencoder.fit(y:array)", "{self}.Fit({y})", c => c.SelfType, "classes_ = np.unique(y)"),
            new("labelencoder.transform(y:array)", "{self}.Transform({y})", _ => Array("int64", 1), "unseen labels raise scikit-learn's ValueError"),
            new("labelencoder.fit_transform(y:array)", "{self}.FitTransform({y})", _ => Array("int64", 1), ""),
            new("labelencoder.inverse_transform(y:array)", "{self}.InverseTransform({y})", _ => Array(Unknown, 1), "classes_[y], in the fitted labels' dtype"),
            new("labelencoder.classes_", "{self}.Classes", _ => Array(Unknown, 1), "the sorted distinct labels, in their dtype"),
            new("folds.split(X:array, y:any=None)", "Sk.Folds({self}.Stratified ? Batuta.ML.Splitters.StratifiedKFold(Sk.Y(Np.AsArray({y}))!, {self}.NSplits, {self}.Shuffle, {self}.RandomState) : Batuta.ML.Splitters.KFold(Sk.Rows({X}), {self}.NSplits, {self}.Shuffle, {self}.RandomState))",
                _ => PyType.Iterable(PyType.Tuple(Array("int64", 1), Array("int64", 1))), "train and test index arrays per fold"),
        };

        /// <summary>Predicted labels have the dtype of the y the classifier was fitted on: Sk.Fitted records it at run time.</summary>
        private const string Unknown = "?";

        private static readonly Dictionary<string, List<LibraryRow>> FunctionsByName = Numpy.Index(FunctionRows);
        private static readonly Dictionary<string, List<LibraryRow>> MethodsByName = Numpy.Index(MethodRows);

        public static IEnumerable<LibraryRow> AllRows => Estimators.Select(e => e.Constructor).Concat(FunctionRows).Concat(MethodRows);

        public static IEnumerable<string> FunctionNames => Estimators.Select(e => e.Python).Concat(FunctionRows.Select(r => r.Name));

        public static bool IsModule(string name) => name == "sklearn" || name.StartsWith("sklearn.", StringComparison.Ordinal) && !SpecByName.ContainsKey(name) && !FunctionsByName.ContainsKey(name);

        /// <summary>A call to sklearn.x.y: an estimator constructor or a module function (null: not a known name).</summary>
        public static IReadOnlyList<LibraryRow>? Function(string qualified)
        {
            if (SpecByName.TryGetValue(qualified, out var spec)) return new[] { spec.Constructor };
            if (FunctionsByName.TryGetValue(qualified, out var rows)) return rows;
            // scikit-learn re-exports: sklearn.linear_model._ridge.Ridge etc. are reached by their public module only
            return null;
        }

        private static string? RoleName(PyType t)
        {
            if (t.Kind != TypeKind.Class) return null;
            if (t.Name.OrThrow().StartsWith(PipelineType, StringComparison.Ordinal)) return "pipeline";
            if (t.Name == FoldsType || t.Name == "sklearn.model_selection.StratifiedKFold") return "folds";
            if (t.Name == LabelEncoderType) return "labelencoder";
            return Spec(t)?.Role.ToString().ToLowerInvariant();
        }

        public static IReadOnlyList<LibraryRow>? Method(PyType t, string name)
        {
            var role = RoleName(t);
            if (role is not null && MethodsByName.TryGetValue(role + "." + name, out var rows)) return rows;
            if (IsEstimator(t) && MethodsByName.TryGetValue("estimator." + name, out var common)) return common;
            return null;
        }

        /// <summary>An attribute of an estimator (coef_, classes_, steps, ...).</summary>
        public static Ex? Attribute(Emitter e, Ex obj, string attr, Node at)
        {
            if (Method(obj.Type, attr) is { } rows && rows[0].IsProperty) return LibraryBinder.RenderProperty(e, rows[0], obj, at);
            if (obj.Type.Kind == TypeKind.Class && obj.Type.Name == GenericType && attr.EndsWith("_", StringComparison.Ordinal))
                return new Ex($"Sk.Attr({obj.Code}, {LibraryBinder.Literal(attr)})", PyType.Object, true);
            if (Spec(obj.Type) is { } spec)
            {
                foreach (var (a, template, type) in spec.Attributes)
                    if (a == attr) return new Ex(template.Replace("{self}", obj.P), type(), true);
                var known = spec.Attributes.Select(x => x.Attr);
                return e.NotSupported(at, $"attribute '{attr}' of {spec.Leaf}", "supported: " + string.Join(", ", known));
            }
            return null;
        }

        /// <summary>The Batuta names of a constructor row's given hyperparameters: <c>{ C = 1.0, MaxIter = 500 }</c>, or <c>()</c>.</summary>
        public static string Properties(LibraryCall call)
        {
            var e = call.Emitter;
            var parts = new List<string>();
            foreach (var p in call.Row.Params)
            {
                if (call.Node(p.Name) is not { } node) continue;
                var v = call.Value(p.Name);
                string code;
                switch (p.Kind)
                {
                    case ArgKind.Int: code = $"(int){Emitter.Long(v)}"; break;
                    case ArgKind.OptInt: code = v.Type.Kind == TypeKind.None ? "null" : $"(int?){Emitter.Long(v)}"; break;
                    case ArgKind.Size:
                        code = v.Type.Kind switch
                        {
                            TypeKind.None => "null",
                            TypeKind.Int => $"(int){Emitter.Long(v)}",
                            TypeKind.Float => v.Code,
                            TypeKind.Str => v.Code,
                            _ => LibraryBinder.Convert(e, v, ArgKind.Any, node),
                        };
                        break;
                    default: code = LibraryBinder.Convert(e, v, p.Kind, node); break;
                }
                parts.Add(PropertyName(p.Name) + " = " + code);
            }
            return parts.Count == 0 ? "()" : " { " + string.Join(", ", parts) + " }";
        }

        /// <summary>The Batuta.ML property for a scikit-learn hyperparameter name.</summary>
        public static string PropertyName(string python) => python switch
        {
            "C" => "C",
            "oob_score" => "OobScoreEnabled",
            "copy_X" => "CopyX",
            _ => string.Concat(python.Split('_').Where(s => s.Length > 0).Select(s => char.ToUpperInvariant(s[0]) + s.Substring(1))),
        };

        /// <summary>model.steps[i] and model.steps[i][j]: the step tuple, its name or its estimator (typed from the pipeline).</summary>
        public static Ex? Subscript(Emitter e, Ex obj, ExpressionNode index)
        {
            var t = obj.Type;
            if (t.Kind != TypeKind.Class) return null;
            var name = t.Name.OrThrow();
            if (name.StartsWith(StepsType, StringComparison.Ordinal))
            {
                var steps = name.Contains('<') ? name.Substring(name.IndexOf('<') + 1).TrimEnd('>').Split('|').Where(s => s.Length > 0).Select(PyType.Class).ToList() : new List<PyType>();
                var k = e.Expr(index, PyType.Int);
                var stepType = LibraryBinder.IntConstant(index) is long i && steps.Count > 0 ? steps[(int)((i % steps.Count + steps.Count) % steps.Count)] : PyType.Class(GenericType);
                return new Ex($"Sk.At({obj.Code}, {Emitter.Long(k)})", PyType.Class("sklearn.pipeline.Step<" + stepType.Name + ">"), true);
            }
            if (name.StartsWith("sklearn.pipeline.Step<", StringComparison.Ordinal))
            {
                var est = PyType.Class(name.Substring("sklearn.pipeline.Step<".Length, name.Length - "sklearn.pipeline.Step<".Length - 1));
                var pos = LibraryBinder.IntConstant(index);
                if (pos is 0 or -2) return new Ex($"{obj.P}.Name", PyType.Str, true);
                if (pos is 1 or -1) return new Ex($"(({CsType(est.Name.OrThrow()) ?? "Batuta.ML.Estimator"}){obj.P}.Estimator!)", est, true);
                return e.NotSupported(index, "a step index other than 0 or 1");
            }
            if (name.StartsWith(PipelineType, StringComparison.Ordinal))
            {
                var steps = PipelineSteps(t);
                var k = LibraryBinder.IntConstant(index);
                var st = k is long i && steps.Count > 0 ? steps[(int)((i % steps.Count + steps.Count) % steps.Count)] : PyType.Class(GenericType);
                var kc = e.Expr(index, PyType.Int);
                return new Ex($"(({CsType(st.Name.OrThrow()) ?? "Batuta.ML.Estimator"}){obj.P}[(int){Emitter.Long(kc)}]!)", st, true);
            }
            return null;
        }

        /// <summary>The Python names of the supported estimators and functions, for the nearest-name hint.</summary>
        public static IEnumerable<string> Names => FunctionNames;
    }
}
