"""The word lists that quotation attribution reads: speech verbs, titles, pronouns, sources.

Lower-case sets, looked up with a word's lower-case form (titles without
their dot), by every module of the package that reads words: names and noun
phrases (:mod:`~framing.analysis.quotes.names`), speech verbs and their
statements (:mod:`~framing.analysis.quotes.attribution`), references back
(:mod:`~framing.analysis.quotes.documents`).
"""

from __future__ import annotations


def _wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``, as a set."""
    return frozenset(text.split())


#: Speech verbs, finite forms only ("saying" and "to say" report nothing).
_VERB_SET = _wordset(
    "said says say told tells tell added adds noted notes explained explains warned warns warn "
    "wrote writes stated argued argues argue insisted insists insist claimed asserted asserts "
    "cautioned cautions stressed stresses emphasized emphasised emphasizes emphasises "
    "acknowledged acknowledges acknowledge admitted admits recalled recalls replied replies "
    "tweeted posted reported reports confirmed confirms announced announces declared declares "
    "predicted predicts observed commented remarked concluded conceded concedes contended "
    "contends"
)
_TELL = _wordset("told tells tell")
#: Verbs that may precede their subject ("…,” said Anne Speckhard).
_INVERTIBLE = _wordset(
    "said says added adds noted notes explained explains wrote writes warned warns argued "
    "argues insisted insists recalled replied stressed cautioned"
)
#: Words before a verb that make it passive or non-finite ("were told", "to say").
_NOT_FINITE = _wordset("was were been being be is are am to get gets got")
#: Words that may stand between a subject and its verb ("he also said").
_BETWEEN = _wordset(
    "also has have had would will recently later earlier previously once then further "
    "again repeatedly reportedly publicly privately still even just first often frequently "
    "separately quickly immediately already subsequently"
)
_DETERMINERS = _wordset("the a an this that these those its his her their our")
_PRONOUNS = {"he": "m", "she": "f"}
#: Words that are never a speaker.
_NOT_SUBJECT = _wordset(
    "who which that whom whose they it we i you others some many most all both few several "
    "someone somebody anyone everyone people one none what"
)
#: Words after which a new clause, and so a subject, may start.
_CLAUSE_STARTERS = _wordset(
    "and but because while as since although though so that when if after before whereas "
    "where yet or nor also however meanwhile now still then"
)
_PREPOSITIONS = _wordset(
    "at of for in from with by to on about into under over near through across against "
    "between among toward towards after before during via per like"
)
#: Lower-case words that may link the parts of a name ("Secretary of State …").
_CONNECTORS = _wordset("of de da van von der den al bin bint la le du del della dos das y")
#: Capitalised words that open sentences but are not names.
_CAP_STOP = _wordset(
    "the a an this that these those it he she they we i you in on at for from with by to "
    "of as but and or so since after before while when if although though more most some "
    "many others other all both few several such now then however also still even only "
    "just here there under over despite among according meanwhile yet why what how who "
    "where which half one two three its his her their our my your no not nor unlike "
    "like once last next every each another any much during until unless whether "
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december today yesterday"
)
#: Titles stripped from names; "Maj." and "Gen." are looked up without the dot.
_TITLES = _wordset(
    "mr mrs ms miss dr prof professor sir dame lord lady maj major gen general lt lieutenant "
    "col colonel sgt sergeant capt captain cmdr commander adm admiral brig cpl corporal pvt "
    "private sen senator rep representative gov governor pres president vice prime "
    "minister secretary chancellor king queen prince princess mayor judge justice "
    "ambassador chairman chairwoman chair director chief spokesman spokeswoman "
    "spokesperson pope rev reverend father sheikh emir premier deputy attorney "
    "commissioner envoy officer coach sec assistant undersecretary"
)
#: Abbreviated titles spelled out, so that "the general" refers back to "Maj. Gen. …".
_TITLE_WORDS = {
    "maj": "major", "gen": "general", "lt": "lieutenant", "col": "colonel", "sgt": "sergeant",
    "capt": "captain", "cmdr": "commander", "adm": "admiral", "brig": "brigadier",
    "cpl": "corporal", "pvt": "private", "sen": "senator", "rep": "representative",
    "gov": "governor", "pres": "president", "prof": "professor", "dr": "doctor",
    "rev": "reverend", "sec": "secretary",
}  # fmt: skip
#: Words after "<title> of" that belong to the title ("Secretary of State").
_DEPARTMENTS = _wordset(
    "state defense defence homeland security treasury commerce energy health education "
    "labor labour justice agriculture interior transportation veterans affairs foreign "
    "staff the finance trade economy culture"
)
#: Words that make a capitalised run an organisation rather than a person.
_ORG_WORDS = _wordset(
    "department ministry agency bank press nations association council committee office "
    "embassy government party center centre institute university times post news "
    "magazine inc corp company commission court service forces army navy police union "
    "house pentagon kremlin reuters ap afp cnn bbc nbc cbs abc nato tass interfax "
    "bloomberg xinhua un eu federation organization organisation group network journal "
    "guardian telegraph tribune"
)
#: Bare nouns accepted as sources without an article ("experts warn", "Official Says").
_SOURCE_NOUNS = _wordset(
    "official officials expert experts analyst analysts source sources authorities critics "
    "observers witnesses residents police investigators prosecutors researchers diplomats "
    "lawmakers officers spokesman spokeswoman spokesperson aides advisers advisors "
    "economists scholars activists organizers organisers polls"
)
#: Words that, right after a speech verb, start trailing matter, not the statement.
_TRAILING = _wordset(
    "of in on at to during for from with after before while as when who which whose "
    "adding saying noting citing referring according earlier later recently"
)
_RELATIVES = _wordset("who which whose that")
_MALE = _wordset(
    "mr sir lord king prince father he his him spokesman chairman congressman businessman "
    "man boy son husband brother grandfather uncle"
)
_FEMALE = _wordset(
    "mrs ms miss dame lady queen princess mother she her spokeswoman chairwoman congresswoman "
    "businesswoman woman girl daughter wife sister grandmother aunt"
)
_GENDERED = _MALE | _FEMALE
#: Sources with more than one name.
_ALIASES = {
    "the ap": "the Associated Press",
    "ap": "the Associated Press",
    "the associated press": "the Associated Press",
    "associated press": "the Associated Press",
}
#: Words that, after a source name, do not belong to it ("according to the AP report").
_SOURCE_SUFFIXES = _wordset("report reports statement data figures")
