"""Short charters written for the tests that step through a document, laid out as the UN
Charter's plain-text editions are: one article a heading, its text the line after. The articles
run in order (96 to 99, 第五条 to 第七条) so that "the next one" has somewhere to go, and the
last ones cite other articles by number, as such texts do, so that a number or a "next" read as
words finds the wrong one ("suivants" in Article 2, "一条" inside 第八十一条)."""

CHARTER_FR = """NOUS, PEUPLES DES NATIONS UNIES

Article 96

L'Assemblée générale peut demander un avis consultatif à la Cour sur toute question juridique.

Article 97

Le Secrétariat comprend un Secrétaire général et le personnel que peut exiger l'Organisation.

Article 98

Le Secrétaire général agit en cette qualité à toutes les réunions de l'Assemblée générale.

Article 99

Le Secrétaire général peut attirer l'attention du Conseil de sécurité sur toute affaire.

Article 2

L'Organisation et ses Membres doivent agir conformément aux principes suivants, énoncés à
l'Article 1.
"""
CHARTER_ZH = """我联合国人民同兹决心

第五条

联合国会员国，业经安全理事会对其采取防止或执行行动者，大会经安全理事会之建议，得停止其会员权利及特权之行使。

第六条

联合国之会员国中，有屡次违犯本宪章所载之原则者，大会经安全理事会之建议，得将其由本组织除名。

第七条

兹设联合国之主要机关如下：大会、安全理事会、经济及社会理事会、托管理事会、国际法院、及秘书处。

第八十条

除依第七十七条、第七十九条及第八十一条所订置各领土于托管制度下之个别托管协定另有议定外，本章任何规定绝对不得解释为以任何方式变更任何国家之权利。

第五十一条

联合国任何会员国受武力攻击时，本宪章不得认为禁止行使单独或集体自卫之自然权利。
"""
