from datetime import date, datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import DocumentCase


@tagged("post_install", "-at_install")
class TestDocuments(DocumentCase, TransactionCase):
    """Every document printed as its user prints it, read back from the PDF
    (pdftotext), the ODT (content.xml) or the DOCX."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["mentorship.plan"].create(
            {
                "name": "Адаптация молодого педагога",
                "pair_id": cls.staff_pair.id,
                "date_start": date(2025, 9, 15),
                "date_end": date(2026, 5, 31),
                "goal": "<p>Помочь молодому педагогу освоить профессию.</p>",
                "tasks": "<p>Посетить уроки наставника.</p><p>Провести открытый урок.</p>",
                "line_ids": [
                    Command.create({"display_type": "line_section", "name": "Знакомство и диагностика"}),
                    Command.create(
                        {
                            "name": "Беседа с наставляемым\nДиагностика затруднений",
                            "date_start": date(2025, 9, 15),
                            "date_end": date(2025, 9, 20),
                            "planned_result": "Определены затруднения",
                            "status": "done",
                        }
                    ),
                    Command.create({"display_type": "line_section", "name": "Практика"}),
                    Command.create({"name": "Открытый урок", "responsible": "mentee", "status": "todo"}),
                ],
            }
        )

    def test_personal_plan_in_the_layout_of_seed_002(self):
        text = self._pdf_text(self._print("curator", self.plan, "plan"))
        for expected in (
            "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА",
            "«Адаптация молодого педагога»",
            "Наставник: Test Staff Mentor",
            "Срок реализации: 15.09.2025 – 31.05.2026",
            "Цель программы Помочь молодому педагогу освоить профессию.",
            "Посетить уроки наставника. Провести открытый урок.",
            "Выявленные затруднения Мероприятия Сроки Ответственный Планируемый результат Отметка о выполнении",
            "Знакомство и диагностика",
            "Выполнено мероприятий: 1 из 2 (50 %).",
        ):
            self.assertIn(expected, text)
        content = self._odt_content(self._print("curator", self.plan, "plan", "odt"))
        rows = [
            [" ".join(cell.itertext()) for cell in row.findall("{*}table-cell")]
            for row in content.findall(".//{*}table-row")
        ]
        # the header, the details of the plan, then two sections with their activities
        activities = [row for row in rows if len(row) == 7]
        self.assertEqual(activities[1][0], "1")
        # the lines of a text stay lines
        self.assertEqual(activities[1][2], "Беседа с наставляемым Диагностика затруднений")
        self.assertEqual(len(content.findall(".//{*}table-cell//{*}line-break")), 1)
        self.assertEqual(activities[1][3], "15.09.2025 – 20.09.2025")
        self.assertEqual(activities[2][4], "Mentee")
        self.assertIn(["Практика"], rows)

    def test_plan_named_after_a_person_and_a_program_in_quotes(self):
        self.plan.name = "Программа «Учитель — учитель» для Зайцевой К. Д."
        content = self._print("curator", self.plan, "plan")
        self.assertEqual(self.last_document_name, "Personal Plan - Программа «Учитель — учитель» для Зайцевой К. Д.pdf")
        self.assertIn("«Программа „Учитель — учитель“ для Зайцевой К. Д.»", self._pdf_text(content))

    def test_tables_rows_are_not_split_across_pages(self):
        content = self._odt_content(self._print("curator", self.plan, "plan", "odt"))
        rows = content.findall(".//{*}table-row")
        self.assertTrue(rows)
        keep_together = content.xpath(
            "//style:style[@style:name='Row']/style:table-row-properties/@fo:keep-together",
            namespaces={
                "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
                "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
            },
        )
        self.assertEqual(keep_together, ["always"])
        self.assertEqual(
            {row.get("{urn:oasis:names:tc:opendocument:xmlns:table:1.0}style-name") for row in rows}, {"Row"}
        )

    def test_staff_mentor_prints_own_plan_only(self):
        self.assertIn("Адаптация молодого педагога", self._pdf_text(self._print("staff_mentor", self.plan, "plan")))
        other_plan = self.plan.copy({"pair_id": self.other_pair.id})
        with self.assertRaises(AccessError):
            self._print("staff_mentor", other_plan, "plan")
        with self.assertRaises(AccessError):
            self._print("curator_b", self.plan, "plan")

    def test_roadmap_and_its_order(self):
        roadmap = self.env["mentorship.roadmap"].create(
            {"name": "Дорожная карта 2025/2026", "company_id": self.school.id, "date_start": date(2025, 9, 1)}
        )
        roadmap.action_fill_from_template()
        first = roadmap.roadmap_activity_ids[0]
        first.status = "done"
        text = self._pdf_text(self._print("curator", roadmap, "roadmap"))
        self.assertIn("«Дорожная карта» реализации целевой модели наставничества", text)
        self.assertIn("в Test School No. 1 на 2025 – 2026 учебный год", text)
        self.assertIn(f"1. {first.stage_id.name} 1.1", text)
        self.assertIn("Выполнено мероприятий: 1 из 17 (6 %).", text)
        rows = self._odt_content(self._print("curator", roadmap, "roadmap", "odt")).findall(".//{*}table-row")
        self.assertEqual(len(rows), 1 + 7 + 17, "the header, the seven stages and their activities")
        order = self._pdf_text(self._print("curator", roadmap, "order_roadmap", number="15-о", date=date(2025, 9, 1)))
        self.assertIn("1 сентября 2025 г. № 15-о", order)
        self.assertIn("Об утверждении дорожной карты реализации целевой модели наставничества", order)
        self.assertIn("Приложение к приказу от 1 сентября 2025 г. № 15-о", order)

    def test_document_writes_its_own_texts_in_the_language_of_the_user(self):
        """What a document writes beyond its template (the city, the school
        year, whom the order charges) is in the language of the user who
        prints it."""
        roadmap = self.env["mentorship.roadmap"].create(
            {"name": "Дорожная карта 2025/2026", "company_id": self.school.id, "date_start": date(2025, 9, 1)}
        )
        russian = self._odt_text(self._print("curator", roadmap, "order_roadmap", "odt"))
        self.curator.lang = "en_US"
        english = self._odt_text(self._print("curator", roadmap, "order_roadmap", "odt"))
        for in_russian, in_english in (
            ("г. Бийск", "City of Бийск"),
            ("2025 – 2026 учебный год", "2025 – 2026 school year"),
            ("возложить на куратора Соколову И. В.", "возложить на the curator Соколову И. В."),
        ):
            self.assertIn(in_russian, russian)
            self.assertNotIn(in_english, russian)
            self.assertIn(in_english, english)
            self.assertNotIn(in_russian, english)

    def test_curator_appointment_declines_the_name(self):
        text = self._pdf_text(self._print("curator", self.program_teachers, "order_curator", number="3-к"))
        self.assertIn("О назначении куратора программы наставничества", text)
        self.assertIn("1. Назначить Соколову Ирину Викторовну куратором программы «Teachers 2025/2026».", text)
        self.assertIn("в срок до 31 мая 2026 г. 3. Контроль", text)
        self.assertIn("С приказом ознакомлен(а):", text)
        self.assertEqual(text.count("Соколова И. В."), 1)
        self.assertIn("_______________ Максимова Е. А.", text)
        # without a director set on the organisation, its user of the Director group signs
        self.school.mentorship_director_name = False
        self.assertIn(
            "_______________ Test S. D.",
            self._pdf_text(self._print("curator", self.program_teachers, "order_curator")),
        )
        self.program_pupils.curator_id = False
        with self.assertRaisesRegex(UserError, "has no curator"):
            self._print("curator", self.program_pupils, "order_curator")

    def test_regulation_filled_from_the_organisation(self):
        self.env["ir.config_parameter"].set_param("mentorship_core.attention_days", "21")
        text = self._pdf_text(self._print("curator", self.program_teachers, "regulation", "pdf"))
        self.assertIn("ПОЛОЖЕНИЕ о системе наставничества в Test School No. 1", text)
        self.assertIn(f"«{self.form_teachers.name}»", text)
        self.assertIn(f"«{self.form_pupils.name}»", text)
        self.assertIn("Кураторы программ наставничества: Соколова Ирина Викторовна.", text)
        self.assertIn("не проводившая встреч более 21 дней", text)
        self.assertIn(self.cat_young_teacher.name, text)

    def test_final_analytic_report(self):
        when = datetime(2025, 10, 1, 15)
        self.env["calendar.event"].with_context(no_mail_to_attendees=True).create(
            {
                "name": "Встреча",
                "start": when,
                "stop": when + timedelta(hours=1),
                "mentorship_pair_id": self.staff_pair.id,
                "mentorship_meeting_type": "organisational",
                "mentorship_mentor_confirmed": True,
                "mentorship_mentee_confirmed": True,
            }
        )
        text = self._pdf_text(self._print("curator", self.program_teachers, "final_report"))
        self.assertIn("ИТОГОВЫЙ АНАЛИТИЧЕСКИЙ ОТЧЁТ о реализации программы наставничества «Teachers 2025/2026»", text)
        self.assertIn("Наставников в программе — 2, наставляемых — 2;", text)
        self.assertIn("Проведено встреч: 1 из 1 запланированных.", text)
        self.assertIn("Тип встречи Organisational Проведено 1", text)
        self.assertIn(
            "Персонализированных программ: 1; выполнено мероприятий 1 из 2; средний процент выполнения 50 %.", text
        )
        self.assertIn("Средний балл наставляемых до наставничества — нет данных", text)
        self.assertNotIn("B Mentor", text)

    def test_certificates_of_mentors_one_page_each(self):
        mentors = self.staff_mentor | self.pupil_mentor
        text = self._pdf_text(self._print("curator", mentors, "certificate", date=date(2026, 5, 25)))
        self.assertEqual(text.count("СЕРТИФИКАТ НАСТАВНИКА"), 2)
        self.assertIn("Test Staff Mentor", text)
        self.assertIn("«Teachers 2025/2026»", text)
        self.assertIn("25 мая 2026 г.", text)

    def test_contest_winners_certificates(self):
        """A municipal contest's certificates carry the organiser's header and
        head, whether the coordinator or the winner's school prints them."""
        self.department.write(
            {"mentorship_director_name": "Белова Марина Сергеевна", "mentorship_director_title": "Начальник управления"}
        )
        contest = self.env["mentorship.contest"].create(
            {
                "name": "Наставник года",
                "nomination": "mentor_of_year",
                "school_year": "2025/2026",
                "company_id": self.department.id,
                "jury_user_ids": [Command.set(self.coordinator.ids)],
                "criterion_ids": [Command.create({"name": "Результаты", "max_score": 10})],
            }
        )
        contest.action_open_nominations()
        with self.assertRaisesRegex(UserError, "has no winners yet"):
            self._print("coordinator", contest, "contest_certificates")
        entry = self.env["mentorship.contest.entry"].create(
            {"contest_id": contest.id, "mentor_id": self.staff_mentor.id, "company_id": self.school.id}
        )
        contest.action_start_judging()
        entry.mark_ids.with_user(self.coordinator).score = 9
        contest.action_close_marking()
        contest.action_close()
        for role in ("coordinator", "curator"):
            with self.subTest(role=role):
                text = self._pdf_text(self._print(role, contest, "contest_certificates"))
                self.assertIn("Test Staff Mentor", text)
                self.assertIn(
                    "является победителем конкурса «Наставник года» в номинации «Mentor of the Year» 2025/2026", text
                )
                self.assertIn("Test Education Department", text)
                self.assertIn("Начальник управления", text)
                self.assertIn("Белова М. С.", text)
                self.assertNotIn(self.school.name, text)
                self.assertNotIn("Максимова", text)
                odt = self._odt_text(self._print(role, contest, "contest_certificates", output_format="odt"))
                self.assertIn("Test Education Department", odt)
                self.assertIn("Белова М. С.", odt)

    def test_thank_you_letter_to_the_partner(self):
        plant = self.env["res.partner"].create({"name": "АО «Завод»", "is_company": True})
        mentor = self._mentor("Кузнецов Пётр Ильич")
        mentor.employer_partner_id = plant
        agreement = self.env["mentorship.partnership.agreement"].create(
            {
                "number": "№ 14/2025",
                "partner_id": plant.id,
                "date_start": date(2025, 9, 1),
                "company_id": self.school.id,
            }
        )
        text = self._pdf_text(self._print("curator", agreement, "letter_partner", number="101"))
        self.assertIn("БЛАГОДАРСТВЕННОЕ ПИСЬМО", text)
        self.assertIn("по договору о партнёрстве № 14/2025 от 1 сентября 2025 г.", text)
        self.assertIn("— Кузнецову Петру Ильичу;", text)

    def test_order_on_incentives_shows_amounts_to_hr(self):
        self.staff_mentor.employee_id = self.env["hr.employee"].create(
            {"name": "Staff Mentor", "company_id": self.school.id, "user_id": self.users["staff_mentor"].id}
        )
        incentive = self.env["mentorship.incentive"].create(
            {
                "mentor_id": self.staff_mentor.id,
                "company_id": self.school.id,
                "date_from": date(2025, 10, 1),
                "date_to": date(2025, 10, 31),
                "basis": "Положение об оплате труда, п. 5.2",
                "accrual_code": "STIM-01",
                "description": "За наставничество молодого педагога",
                "amount": 14950.0,
            }
        )
        with self.assertRaisesRegex(UserError, "approved incentives only"):
            self._print("director", incentive, "order_incentives")
        self._as("curator", "mentorship.incentive").browse(incentive.id).action_propose()
        self._as("director", "mentorship.incentive.approve.wizard").create(
            {"incentive_ids": [Command.set(incentive.ids)], "order_number": "77-л", "order_date": date(2025, 11, 5)}
        ).action_approve()
        text = self._pdf_text(self._print("director", incentive, "order_incentives"))
        self.assertIn("О поощрении наставников", text)
        self.assertIn("5 ноября 2025 г. № 77-л", text)
        self.assertIn("По итогам реализации программ наставничества за октябрь 2025 г.", text)
        self.assertIn("Выплаты произвести на общую сумму 14 950,00 руб.", text)
        self.assertIn("За наставничество молодого педагога", text)
        # the appendix: its title with the organisation and the month, and a total row
        self.assertIn("Список наставников, представленных к поощрению Test School No. 1 за октябрь 2025 г.", text)
        rows = self._odt_content(self._print("director", incentive, "order_incentives", "odt")).findall(
            ".//{*}table-row"
        )
        cells = [[" ".join("".join(cell.itertext()).split()) for cell in row.findall("{*}table-cell")] for row in rows]
        self.assertEqual(cells[-1], ["", "Итого: 1", "", "", "", "14 950,00"])
        with self.assertRaisesRegex(UserError, "You may not print Order on Incentives"):
            self._print("curator", incentive, "order_incentives")

    def test_print_dialog_offers_the_documents_of_the_record(self):
        wizard = (
            self._as("curator", "mentorship.document.print.wizard")
            .with_context(active_model="mentorship.program", active_ids=self.program_teachers.ids)
            .new({})
        )
        self.assertEqual(wizard.res_model, "mentorship.program")
        offered = wizard._reports_of("mentorship.program")
        self.assertEqual(
            set(offered.mapped("report_name")),
            {
                "mentorship_reports.order_curator",
                "mentorship_reports.regulation",
                "mentorship_reports.final_report",
            },
        )
        self.assertIn(wizard.report_id, offered)
        self.assertEqual(wizard.report_ids._origin, offered, "the dialog lists them all, with no «Search more»")
        self.assertFalse(self._as("staff_mentor", "mentorship.document.print.wizard")._reports_of("mentorship.program"))
        self.assertEqual(
            self._as("hr_officer", "mentorship.document.print.wizard")._reports_of("mentorship.incentive"),
            self.env.ref("mentorship_reports.action_report_order_incentives"),
        )
        self.assertFalse(self._as("hr_officer", "mentorship.document.print.wizard")._reports_of("mentorship.pair"))
        for role in ("portal_mentee", "portal_mentor", "parent", "employee"):
            with self.assertRaises(AccessError):
                self._print(role, self.staff_pair, "order_pairs")
