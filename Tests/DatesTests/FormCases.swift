// Day-month dates without a year, clock times, counted units and eras. As in
// DateCases.swift, every value was worked out by hand from the calendar; the reference
// 2022-09-30 is a Friday, so its week is 2022-09-26 (Monday) to 2022-10-02.

/// "15.02", "2/15": the year from the reference and the sentence's tense, the order from
/// the dots (day first) or the document.
let shortNumericCases: [DateCase] = [
  .init("Брифинг ⟦15.02 в 16:00⟧.", "2022-09-30", "2022-02-15T16:00 datetime"),
  // future tense, more than a month before the reference: next year's
  .init("Брифинг состоится ⟦15.02⟧.", "2022-09-30", "2023-02-15 day"),
  .init("Встреча прошла ⟦05.03⟧.", "2022-09-30", "2022-03-05 day"),
  .init("The vote is on ⟦2/15⟧.", "2022-09-30", "2022-02-15 day"),
  .init("The vote will be held on ⟦2/15⟧.", "2022-09-30", "2023-02-15 day"),
  .init("A reunião será em ⟦15/2⟧.", "2022-09-30", "2023-02-15 day"),
  .init("The talks were on ⟦4/5⟧.", "2022-09-30", "2022-04-05 day ambiguous"),
  .init("As conversações foram em ⟦4/5⟧.", "2022-09-30", "2022-05-04 day ambiguous"),
  .init("⟦пятница, 15.02⟧", "2022-09-30", "2022-02-15 day"),
  .init("с ⟦15.02⟧ по ⟦17.02⟧", "2022-09-30", "2022-02-15 day", "2022-02-17 day"),
  .init("до ⟦31/12⟧", "2022-09-30", "2022-12-31 day"),
  .init("On ⟦15.02⟧ we met", "2022-09-30", "2022-02-15 day"),
  // the document's own slash date settles the order of "4/5"
  .init("Dates: ⟦25/12/2022⟧, then on ⟦4/5⟧.", "2022-09-30", "2022-12-25 day", "2022-05-04 day"),
]

/// Numbers that look like day and month but are not dates.
let shortNumericNoDateCases: [String] = [
  "рост на 12.05 процента",
  "за 2.10 млрд рублей",
  "2.1 billion",
  "3.5 points",
  "v1.2 is out",
  "version 1.2",
  "2/3 of the votes",
  "the score was 2-1",
  "rated 4.5/5",
  "в 10.30 часов",
  "It rose 1.25 on the day",
  "all 12.2022 figures",
  "рост 1.10",
  "начало в 12.05",
  "Fechou às 15.02",
]

/// Clock times after their date.
let clockTimeCases: [DateCase] = [
  .init("⟦September 29, 2022 at 5 pm⟧", "2022-09-30", "2022-09-29T17:00 datetime"),
  .init("⟦September 29, 2022, 5:30 p.m.⟧", "2022-09-30", "2022-09-29T17:30 datetime"),
  .init("⟦29 September 2022 at 12 am⟧", "2022-09-30", "2022-09-29T00:00 datetime"),
  .init("⟦29 September 2022 at 12 pm⟧", "2022-09-30", "2022-09-29T12:00 datetime"),
  .init("⟦29 September 2022 at 11:45 a.m.⟧", "2022-09-30", "2022-09-29T11:45 datetime"),
  .init("⟦29 September 2022 at 7 a.m⟧", "2022-09-30", "2022-09-29T07:00 datetime"),
  .init("⟦12 de abril de 2024 às 16h30⟧", "2022-09-30", "2024-04-12T16:30 datetime"),
  .init("⟦12 de abril de 2024, 16h⟧", "2022-09-30", "2024-04-12T16:00 datetime"),
  .init("⟦12 de abril de 2024 às 16 horas⟧", "2022-09-30", "2024-04-12T16:00 datetime"),
  .init("⟦15 февраля 2024 года в 16 часов⟧", "2022-09-30", "2024-02-15T16:00 datetime"),
  .init("⟦15 февраля 2024 года в 9 ч.⟧", "2022-09-30", "2024-02-15T09:00 datetime"),
  .init("⟦15 февраля 2024 года в 16:00⟧", "2022-09-30", "2024-02-15T16:00 datetime"),
  .init("⟦yesterday at 5 pm⟧", "2022-09-30", "2022-09-29T17:00 datetime"),
  // "13 pm" is no time: the date stays a day
  .init("⟦September 29, 2022⟧ at 13 pm", "2022-09-30", "2022-09-29 day"),
]

/// Counted and bare units: a week is the calendar week (Monday to Sunday) that many weeks
/// away, as "last week"; a month the calendar month, a year the calendar year.
let unitCases: [DateCase] = [
  .init("⟦неделю назад⟧", "2022-09-30", "2022-09-19/2022-09-25 range"),
  .init("⟦две недели назад⟧", "2022-09-30", "2022-09-12/2022-09-18 range"),
  .init("⟦месяц назад⟧", "2022-09-30", "2022-08 month"),
  .init("⟦год назад⟧", "2022-09-30", "2021 year"),
  .init("⟦день назад⟧", "2022-09-30", "2022-09-29 day"),
  .init("⟦неделю тому назад⟧", "2022-09-30", "2022-09-19/2022-09-25 range"),
  .init("⟦через год⟧", "2022-09-30", "2023 year"),
  .init("⟦через неделю⟧", "2022-09-30", "2022-10-03/2022-10-09 range"),
  .init("⟦a week ago⟧", "2022-09-30", "2022-09-19/2022-09-25 range"),
  .init("⟦two weeks ago⟧", "2022-09-30", "2022-09-12/2022-09-18 range"),
  .init("⟦há uma semana⟧", "2022-09-30", "2022-09-19/2022-09-25 range"),
  .init("⟦há dois dias⟧", "2022-09-30", "2022-09-28 day"),
  .init("na ⟦semana passada⟧", "2022-09-30", "2022-09-19/2022-09-25 range"),
  .init("⟦месяц назад⟧", "2022-03-31", "2022-02 month"),
  .init("⟦год назад⟧", "2023-01-05", "2022 year"),
  // 2023-01-04 is a Wednesday; its week starts on 2023-01-02, the one before on 2022-12-26
  .init("⟦неделю назад⟧", "2023-01-04", "2022-12-26/2023-01-01 range"),
]

/// Years with an era, in astronomical numbering (1 BC is 0000, 2000 BC is -1999).
let eraCases: [DateCase] = [
  .init("⟦2000 BC⟧", "2022-09-30", "-1999 year"),
  .init("⟦2000 BCE⟧", "2022-09-30", "-1999 year"),
  .init("⟦100 AD⟧", "2022-09-30", "0100 year"),
  .init("in ⟦44 BC⟧", "2022-09-30", "-0043 year"),
  .init("⟦1 BC⟧", "2022-09-30", "0000 year"),
  .init("в ⟦988 году н. э.⟧", "2022-09-30", "0988 year"),
  .init("в ⟦500 году до н. э.⟧", "2022-09-30", "-0499 year"),
  .init("⟦753 до н. э.⟧", "2022-09-30", "-0752 year"),
  .init("⟦500 a.C.⟧", "2022-09-30", "-0499 year"),
  .init("⟦1500 d.C.⟧", "2022-09-30", "1500 year"),
]

/// Texts without a date, even with lone clock times reported.
let noTimeCases: [String] = [
  "работали 16 часов подряд",
  "the 13 pm slot",
  "24h news",
  "много лет назад",
  "всю неделю",
  "годы назад",
]
