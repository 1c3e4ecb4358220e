// One dictionary per language; keys are used by data-t attributes and by t().
window.KIZUKI_I18N = {
  ja: {
    today: '今日', segments: 'セグメント', model: 'モデル', rules: 'ルール', signOut: 'サインアウト', switchTo: 'English',
    asOf: '基準日', high: '高リスク', medium: '中リスク', low: '低リスク', sinceYesterday: '前日比', sinceLastWeek: '先週比',
    revenueAtRisk: '失注リスク額', atRisk: '優先して連絡すべき顧客', customer: '顧客', probability: '解約確率', topReason: '主な理由',
    action: '推奨アクション', alerts: '新しいアラート', myTasks: '自分の未完了タスク', none: 'ありません', noScores: 'まだスコアがありません。kizuki score を実行してください。',
    profile: 'プロフィール', history: 'スコア推移', reasons: '理由', timeline: 'タイムライン', signup: '登録日', plan: 'プラン', industry: '業種', region: '地域',
    raising: 'リスクを上げる要因', lowering: 'リスクを下げる要因', noReasons: '理由はこのスコアと一緒に保存されていません。',
    heatMap: '属性別の解約率', trend: '解約率の推移', rowsBy: '行', columnsBy: '列', customers: '顧客数', churned: '解約', rate: '解約率',
    active: '使用中', version: 'バージョン', auc: 'ROC-AUC', ap: '平均適合率', brier: 'Brier', baseline: 'ルール基準', calibration: 'キャリブレーション', lift: 'リフト',
    drivers: '主な要因', activate: '有効にする', noModels: 'モデルがありません。kizuki train を実行してください。', noRules: 'ルールはまだありません。', dryRun: '該当件数',
    kinds: { order: '注文', subscription: '契約開始', subscriptionEnd: '契約終了', activity: '利用', ticket: '問い合わせ', survey: 'アンケート', touch: '接触', churn: '解約' },
  },
  en: {
    today: 'Today', segments: 'Segments', model: 'Model', rules: 'Rules', signOut: 'Sign out', switchTo: '日本語',
    asOf: 'As of', high: 'High risk', medium: 'Medium risk', low: 'Low risk', sinceYesterday: 'vs yesterday', sinceLastWeek: 'vs last week',
    revenueAtRisk: 'Revenue at risk', atRisk: 'Call these customers first', customer: 'Customer', probability: 'Churn probability', topReason: 'Top reason',
    action: 'Suggested action', alerts: 'New alerts', myTasks: 'My open tasks', none: 'None', noScores: 'No scores yet. Run kizuki score.',
    profile: 'Profile', history: 'Score history', reasons: 'Reasons', timeline: 'Timeline', signup: 'Signed up', plan: 'Plan', industry: 'Industry', region: 'Region',
    raising: 'Raising the risk', lowering: 'Lowering the risk', noReasons: 'No reasons were stored with this score.',
    heatMap: 'Churn rate by attribute', trend: 'Churn trend', rowsBy: 'Rows', columnsBy: 'Columns', customers: 'Customers', churned: 'Churned', rate: 'Churn rate',
    active: 'Active', version: 'Version', auc: 'ROC-AUC', ap: 'Average precision', brier: 'Brier', baseline: 'Rule baseline', calibration: 'Calibration', lift: 'Lift',
    drivers: 'Drivers', activate: 'Activate', noModels: 'No models yet. Run kizuki train.', noRules: 'No rules yet.', dryRun: 'Would alert',
    kinds: { order: 'Order', subscription: 'Subscribed', subscriptionEnd: 'Subscription ended', activity: 'Activity', ticket: 'Ticket', survey: 'Survey', touch: 'Touch', churn: 'Churn' },
  },
};
